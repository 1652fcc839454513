"""Tenant isolation in the Wagtail admin: Santan Ulu's operator can do nothing to Desa Sebuntal.

The admin URLs are not listed by hand. They are read from Django's URL resolver: every pattern under
admin/ whose parameters name a page, image, document, collection, upload, editing session, user or
group is filled with Sebuntal's objects and requested as the other operator (GET, an empty POST
and a POST carrying plausible hostile fields). Every pattern without parameters (listings,
choosers, searches, reports, the admin API) is requested with search and filter parameters aimed
at Sebuntal. A new Wagtail version or a newly installed admin app is therefore covered without
editing this file.

Sebuntal's unpublished content carries the marker "QQZ-" (draft titles, draft body, a never-published
page in moderation, image and document titles): no response to the other operator may contain it,
serve one of Sebuntal's files, or change anything in the database. Every failing URL is collected
and reported in one assertion. Positive controls prove the probes are not vacuous: Sebuntal's own
operator sees the markers through the same URLs and can edit, publish and upload; the regency
admin can edit any village.

Leaks found and not yet fixed are listed in KNOWN_HOLES: the sweeps tolerate them (as leaks, never
as writes) and test_known_hole_is_closed (strict xfail) tells when one is fixed.
"""

import html
import itertools
import re
from dataclasses import dataclass, field

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.urls import URLResolver, get_resolver, reverse
from wagtail.admin.models import EditingSession
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    PageLogEntry,
    PageViewRestriction,
    Revision,
    TaskState,
    UploadedFile,
    Workflow,
    WorkflowState,
)
from wagtail.search import index

from sinergi.core.tests import helpers as h
from sinergi.villages.models import NewsAttachment, NewsIndexPage, NewsPage, StandardPage

pytestmark = pytest.mark.django_db

Image = get_image_model()
Document = get_document_model()

# With its hyphen the marker cannot turn up by chance in a CSRF token or a random file name.
MARKER = re.compile(r"qqz-", re.IGNORECASE)
SEARCH_WORD = "Sebuntalia"  # in every Sebuntal title below; never in a marker, so an echoed query is harmless


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    # The persona fixtures hash a password; the production hasher costs ~0.3 s per test.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# --------------------------------------------------------------------------- Sebuntal's world


@dataclass
class World:
    """Everything of Sebuntal's that the other operator must not reach, and the attacker's own things."""

    pages: dict[str, Page]
    image: object
    image_bytes: bytes
    document: object
    operator: object
    village: object
    workflow: Workflow
    task: GroupApprovalTask
    workflow_state: WorkflowState
    task_state: TaskState
    editing_session: EditingSession
    uploads: dict[str, UploadedFile]
    santan_news_index: Page
    santan_article: Page
    santan_collection: Collection
    santan_group: object
    other_operator: object


def _publish_news(parent, title, user, **fields):
    page = NewsPage(title=title, body="<p>Isi berita.</p>", **fields)
    parent.add_child(instance=page)
    page.save_revision(user=user, log_action=True).publish(user=user)
    page.refresh_from_db()
    return page


def _draft(page, user, title, **fields):
    """Save a new unpublished revision of `page`: the admin shows it, the public never does."""
    page = page.specific
    page.title = title
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision(user=user, log_action=True)
    page.refresh_from_db()
    return page


@pytest.fixture
def world(sebuntal, santan_ulu, operator, other_operator):
    home = sebuntal.page
    news_index = NewsIndexPage.objects.child_of(home).get()
    article = _publish_news(news_index, f"Panen jagung {SEARCH_WORD}", operator)
    image_bytes = h.png_bytes(24, 16, colour=(180, 40, 40))
    image = Image.objects.create(
        title=f"Foto sumur {SEARCH_WORD} QQZ-FOTO",
        file=ImageFile(ContentFile(image_bytes), name="qqz-foto.png"),
        collection=sebuntal.collection,
        uploaded_by_user=operator,
    )
    document = Document.objects.create(
        title=f"Laporan kas {SEARCH_WORD} QQZ-DOKUMEN",
        file=ContentFile(h.PDF_BYTES, name="qqz-dokumen.pdf"),
        collection=sebuntal.collection,
        uploaded_by_user=operator,
    )
    # The article uses both, so their usage pages have something to show.
    article = _draft(
        article,
        operator,
        f"Panen jagung {SEARCH_WORD} QQZ-BERITA-DRAF",
        body="<p>QQZ-ISI-DRAF</p>",
        image=image,
    )
    article.image = image
    article.save(update_fields=["image"])
    NewsAttachment.objects.create(page=article, document=document)
    Page.objects.filter(pk=article.pk).update(locked=True, locked_by=operator)

    moderated = NewsPage(title=f"Rencana anggaran {SEARCH_WORD} QQZ-MODERASI", body="<p>x</p>", live=False)
    news_index.add_child(instance=moderated)
    moderated.save_revision(user=operator, log_action=True)
    home = _draft(home, operator, "Desa Sebuntal QQZ-BERANDA-DRAF")
    news_index = _draft(news_index, operator, "Berita QQZ-INDEKS-DRAF")

    workflow = moderated.get_workflow()
    if workflow is None:  # Wagtail installs "Moderators approval" on the root; be robust if it is gone
        task = GroupApprovalTask.objects.create(name="Persetujuan")
        workflow = Workflow.objects.create(name="Moderasi")
        workflow.workflow_tasks.create(task=task, sort_order=0)
        workflow.workflow_pages.create(page=Page.get_first_root_node())
    workflow_state = workflow.start(moderated, operator)
    task_state = workflow_state.current_task_state
    task = task_state.task.specific

    page_type = ContentType.objects.get_for_model(Page)
    editing_session = EditingSession.objects.create(
        user=operator,
        content_type=page_type,
        object_id=str(article.pk),
        last_seen_at=article.last_published_at,
    )
    uploads = {
        "wagtailimages": UploadedFile.objects.create(
            for_content_type=ContentType.objects.get_for_model(Image),
            file=ContentFile(image_bytes, name="qqz-unggahan.png"),
            uploaded_by_user=operator,
        ),
        "wagtaildocs": UploadedFile.objects.create(
            for_content_type=ContentType.objects.get_for_model(Document),
            file=ContentFile(h.PDF_BYTES, name="qqz-unggahan.pdf"),
            uploaded_by_user=operator,
        ),
    }

    santan_news_index = NewsIndexPage.objects.child_of(santan_ulu.page).get()
    santan_article = _publish_news(santan_news_index, "Kabar Santan Ulu", other_operator)

    pages = {"home": home, "news_index": news_index, "article": article, "moderated": moderated}
    for obj in [*pages.values(), image, document]:
        index.insert_or_update_object(obj)
    return World(
        pages={k: Page.objects.get(pk=p.pk) for k, p in pages.items()},
        image=image,
        image_bytes=image_bytes,
        document=document,
        operator=operator,
        village=sebuntal,
        workflow=workflow,
        task=task,
        workflow_state=workflow_state,
        task_state=task_state,
        editing_session=editing_session,
        uploads=uploads,
        santan_news_index=santan_news_index,
        santan_article=santan_article,
        santan_collection=santan_ulu.collection,
        santan_group=santan_ulu.operators_group,
        other_operator=other_operator,
    )


def snapshot(world: World) -> dict:
    """What the other operator could change; compared before and after the requests to each URL."""
    page_ids = [p.pk for p in world.pages.values()] + [world.santan_article.pk]
    storage = world.image.file.storage
    image = Image.objects.filter(pk=world.image.pk).values().first()
    document = Document.objects.filter(pk=world.document.pk).values().first()
    return {
        "pages": list(
            Page.objects.filter(pk__in=page_ids)
            .order_by("pk")
            .values_list(
                "pk",
                "title",
                "draft_title",
                "slug",
                "live",
                "has_unpublished_changes",
                "locked",
                "locked_by_id",
                "path",
                "latest_revision_id",
                "live_revision_id",
                "alias_of_id",
                "url_path",
                "expire_at",
                "go_live_at",
            )
        ),
        "page_count": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "image": image,
        "image_file": image and storage.exists(image["file"]) and storage.size(image["file"]),
        "image_tags": list(world.image.tags.values_list("name", flat=True)),
        "document": document,
        "document_file": document and storage.exists(document["file"]) and storage.size(document["file"]),
        "images": Image.objects.count(),
        "documents": Document.objects.count(),
        "collections": list(Collection.objects.order_by("pk").values_list("pk", "name", "path")),
        "restrictions": (PageViewRestriction.objects.count(), CollectionViewRestriction.objects.count()),
        "page_permissions": GroupPagePermission.objects.count(),
        "collection_permissions": GroupCollectionPermission.objects.count(),
        "group_permissions": sorted(world.santan_group.permissions.values_list("pk", flat=True)),
        "operator": type(world.operator).objects.filter(pk=world.operator.pk).values().first(),
        "other_operator_groups": sorted(world.other_operator.groups.values_list("pk", flat=True)),
        "other_operator_flags": type(world.other_operator)
        .objects.filter(pk=world.other_operator.pk)
        .values_list("is_superuser", "is_staff", "is_active")
        .first(),
        "workflow_states": list(WorkflowState.objects.order_by("pk").values_list("pk", "status")),
        "task_states": list(TaskState.objects.order_by("pk").values_list("pk", "status")),
        "workflow": Workflow.objects.filter(pk=world.workflow.pk).values_list("active", flat=True).first(),
        "workflow_pages": world.workflow.workflow_pages.count(),
        "editing_sessions": list(
            EditingSession.objects.order_by("pk").values_list("pk", "user_id", "is_editing")
        ),
        "uploads": sorted(UploadedFile.objects.values_list("pk", flat=True)),
        "page_log": PageLogEntry.objects.filter(page_id__in=page_ids).exclude(action="wagtail.view").count(),
    }


def _diff(before: dict, after: dict) -> str:
    return ", ".join(f"{k}: {before[k]!r} -> {after[k]!r}" for k in before if before[k] != after[k])


# --------------------------------------------------------------------------- admin URLs, from the resolver


@dataclass(frozen=True)
class AdminRoute:
    name: str  # "namespace:name"
    route: str
    params: tuple[str, ...]
    positional: int

    @property
    def namespace(self) -> str:
        return self.name.rpartition(":")[0]


def admin_routes() -> list[AdminRoute]:
    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                ns = namespace
                if pattern.namespace:
                    ns = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
            elif pattern.name:
                regex = pattern.pattern.regex
                yield AdminRoute(
                    name=f"{namespace}:{pattern.name}" if namespace else pattern.name,
                    route=prefix + str(pattern.pattern),
                    params=tuple(regex.groupindex),
                    positional=regex.groups - len(regex.groupindex),
                )

    seen, routes = set(), []
    for route in walk(get_resolver().url_patterns, "", None):
        if route.route.startswith("admin/") and (route.name, route.params) not in seen:
            seen.add((route.name, route.params))
            routes.append(route)
    return routes


# Which tenant object a parameter names. `pk` depends on the app (namespace) of the pattern.
PRIMARY_PARAMS = {
    "page_id": "page",
    "parent_page_id": "page",
    "page_to_move_id": "page",
    "page_pk": "page",
    "image_id": "image",
    "document_id": "document",
    "doc_id": "document",
    "collection_id": "collection",
    "uploaded_file_id": "upload",
    "session_id": "session",
}
PK_BY_NAMESPACE = {
    "wagtailadmin_api:pages": "page",
    "wagtailadmin_api:images": "image",
    "wagtailadmin_api:documents": "document",
    "wagtailimages_chooser": "image",
    "wagtaildocs_chooser": "document",
    "wagtailadmin_collections": "collection",
    "wagtailusers_users": "user",
    "wagtailusers_groups": "group",
}
# Patterns with unnamed groups cannot be filled generically; each one is spelt out here, and an
# unknown one fails test_every_admin_pattern_with_a_tenant_parameter_is_probed.
POSITIONAL = {"wagtailadmin_pages:revisions_compare": lambda page: [page.pk, "earliest", "latest"]}
PAGE_TYPE_PARAMS = ({"content_type_app_name", "content_type_model_name"}, {"app_label", "model_name"})
API_PAGE_ACTIONS = (
    "convert_alias",
    "copy",
    "delete",
    "publish",
    "unpublish",
    "move",
    "copy_for_translation",
    "create_alias",
    "revert_to_page_revision",
)


def _primary_kind(route: AdminRoute) -> str | None:
    for param in route.params:
        if param in PRIMARY_PARAMS:
            return PRIMARY_PARAMS[param]
        if param == "pk" and route.namespace in PK_BY_NAMESPACE:
            return PK_BY_NAMESPACE[route.namespace]
    if route.name in POSITIONAL:
        return "page"
    if route.namespace == "wagtailadmin_pages" and set(route.params) in PAGE_TYPE_PARAMS:
        return "page_type"
    if route.namespace == "wagtailadmin_workflows" and route.params in {("pk",), ("task_id",)}:
        return "task" if "task" in route.name else "workflow"
    return None


def _objects_of_kind(kind: str, world: World) -> list:
    return {
        "page": list(world.pages.values()),
        "image": [world.image],
        "document": [world.document],
        "collection": [world.village.collection],
        "upload": list(world.uploads.values()),
        "session": [world.editing_session],
        "user": [world.operator],
        "group": [world.village.operators_group],
        "page_type": sorted({p.specific_class for p in world.pages.values()}, key=lambda m: m.__name__),
        "workflow": [world.workflow],
        "task": [world.task],
    }[kind]


def _values(param: str, route: AdminRoute, kind: str, obj, world: World) -> list:
    """Possible values of `param` for a request about `obj`; [] when that combination makes no sense."""
    if kind == "page_type":
        return [
            obj._meta.app_label if param in {"content_type_app_name", "app_label"} else obj._meta.model_name
        ]
    if kind in {"workflow", "task"}:
        return [obj.pk]
    if PRIMARY_PARAMS.get(param) == kind or (param == "pk" and PK_BY_NAMESPACE.get(route.namespace) == kind):
        if kind == "upload" and route.namespace not in {"wagtailimages", "wagtaildocs"}:
            return []
        if kind == "upload" and obj != world.uploads[route.namespace]:
            return []
        return [obj.pk]
    moderated = world.pages["moderated"]
    match param:
        case "destination_id":
            return [world.santan_news_index.pk]  # move Sebuntal's page into the attacker's village
        case "revision_id":
            return [r for r in [obj.latest_revision_id, obj.live_revision_id] if r]
        case "content_type_app_name" | "content_type_model_name":
            model = (obj.specific_class.allowed_subpage_models() or [StandardPage])[0]
            return [model._meta.app_label if param == "content_type_app_name" else model._meta.model_name]
        case "task_state_id":
            return [world.task_state.pk] if obj.pk == moderated.pk else []
        case "workflow_state_id":
            return [world.workflow_state.pk] if obj.pk == moderated.pk else []
        case "task_id":
            return [world.task.pk] if obj.pk == moderated.pk else []
        case "workflow_pk":
            return [world.workflow.pk]
        case "action_name" if route.namespace == "wagtailadmin_api:pages":
            return list(API_PAGE_ACTIONS)
        case "action_name":
            return ["approve", "reject"]
        case "filter_spec":
            return ["original", "fill-100x100"]
        case "app_label":
            return ["wagtailcore"]
        case "model_name":
            return ["page"]
        case "object_id":
            return [str(obj.pk)]
        case "session_id":
            return [world.editing_session.pk]
    return []


def tenant_urls(world: World) -> tuple[list[tuple[str, str]], list[AdminRoute]]:
    """(route name, URL) for every admin pattern about one of Sebuntal's objects, plus the patterns left out."""
    urls, unfilled = [], []
    for route in admin_routes():
        if not route.params and not route.positional:
            continue
        kind = _primary_kind(route)
        if kind is None:
            unfilled.append(route)
            continue
        for obj in _objects_of_kind(kind, world):
            if route.positional:
                urls.append((route.name, reverse(route.name, args=POSITIONAL[route.name](obj))))
                continue
            choices = [_values(p, route, kind, obj, world) for p in route.params]
            for combo in itertools.product(*choices):
                urls.append(
                    (route.name, reverse(route.name, kwargs=dict(zip(route.params, combo, strict=True))))
                )
    urls.extend(_bulk_action_urls(world))
    return urls, unfilled


def _bulk_action_urls(world: World) -> list[tuple[str, str]]:
    """Bulk actions name their objects in the query string: ?id=1&id=2."""
    bulk_action_registry._scan_for_bulk_actions()
    targets = {
        ("wagtailcore", "page"): [p.pk for p in world.pages.values()],
        ("wagtailimages", "image"): [world.image.pk],
        ("wagtaildocs", "document"): [world.document.pk],
        (world.operator._meta.app_label, world.operator._meta.model_name): [world.operator.pk],
    }
    urls = []
    for app_label, models in bulk_action_registry.actions.items():
        for model_name, actions in models.items():
            ids = targets.get((app_label, model_name))
            if not ids:
                continue
            query = "&".join(f"id={pk}" for pk in ids)
            for action in actions:
                url = reverse("wagtail_bulk_action", args=[app_label, model_name, action])
                urls.append((f"wagtail_bulk_action[{app_label}.{model_name}.{action}]", f"{url}?{query}"))
    return urls


def hostile_post(world: World) -> dict:
    """Fields an attacker would add to an otherwise empty POST: retarget, rename, publish, move."""
    target = world.santan_news_index.pk
    return {
        "collection": world.santan_collection.pk,
        "title": "DIRETAS",
        "slug": "diretas",
        "new_title": "DIRETAS",
        "new_slug": "diretas",
        "new_parent_page": target,
        "destination_page_id": target,
        "chooser": target,
        "publish_copies": "on",
        "copy_subpages": "on",
        "alias": "on",
        "include_descendants": "on",
        "action-publish": "action-publish",
        "restriction_type": "password",
        "password": "diretas-sandi",
        "tags": "diretas",
        "comment": "diretas",
        "mark_as_active": "false",
        "role": world.santan_group.pk,
    }


# --------------------------------------------------------------------------- probing


@dataclass
class Finding:
    route: str
    kind: str  # leak | file | redirect | write | error
    message: str


@dataclass
class Probe:
    findings: list[Finding] = field(default_factory=list)
    shown: set[str] = field(default_factory=set)  # routes whose response showed Sebuntal's data

    def add(self, route, kind, message):
        self.findings.append(Finding(route, kind, message))
        if kind in {"leak", "file"}:
            self.shown.add(route)


def _body(response) -> str:
    raw = b"".join(response.streaming_content) if getattr(response, "streaming", False) else response.content
    return html.unescape(raw.decode("utf-8", "replace"))


def _inspect(response, where, route, probe, *, check_files):
    status = response.status_code
    if status >= 500:
        probe.add(route, "error", f"{where} -> {status}: server error")
        return
    if status < 300:
        body = _body(response)
        found = MARKER.search(body)
        if found:
            snippet = " ".join(body[max(0, found.start() - 70) : found.start() + 50].split())
            probe.add(route, "leak", f"{where} -> {status}: shows Sebuntal's data: …{snippet}…")
        content_type = response.get("Content-Type", "")
        if check_files and (
            content_type.startswith(("image/", "application/pdf", "application/octet-stream"))
            or "attachment" in response.get("Content-Disposition", "")
        ):
            probe.add(route, "file", f"{where} -> {status}: serves a file ({content_type})")
    elif MARKER.search(response.get("Location", "")):
        probe.add(route, "redirect", f"{where} -> {status}: redirects to {response['Location']}")


def probe_urls(
    client, world, urls, *, methods=("GET", "POST", "hostile POST"), check_db=True, check_files=True
):
    """Request every URL with every method; collect what leaked or changed, never stop at the first."""
    probe = Probe()
    hostile = hostile_post(world)
    state = snapshot(world) if check_db else None
    for route, url in urls:
        for method in methods:
            if method == "GET":
                response = client.get(url)
            else:
                response = client.post(url, hostile if method == "hostile POST" else {})
            _inspect(response, f"{method} {url}", route, probe, check_files=check_files)
        if check_db:
            after = snapshot(world)
            if after != state:
                probe.add(
                    route,
                    "write",
                    f"{' / '.join(methods)} {url}: changed the database: {_diff(state, after)}",
                )
                state = after
    return probe


def _report(findings: list[Finding]) -> str:
    return f"{len(findings)} isolation failure(s):\n" + "\n".join(f.message for f in findings)


# Holes found by these tests, open in Wagtail 7.4 as configured here. Each shows Sebuntal's unpublished
# titles or private media metadata to any other operator; none lets them change anything. The sweeps
# tolerate exactly these routes (as leaks only, never writes), and test_known_hole_is_closed fails as
# soon as a hole is fixed, so its entry can be removed.
# Holes found by this file were closed in sinergi/accounts/admin_guard.py and sinergi/core/wagtail_hooks.py.
KNOWN_HOLES: dict[str, tuple[str, list[str]]] = {}
KNOWN_LEAKS = {route for _why, routes in KNOWN_HOLES.values() for route in routes}


def _unexpected(probe: Probe) -> list[Finding]:
    return [f for f in probe.findings if not (f.kind == "leak" and f.route in KNOWN_LEAKS)]


LISTING_EXCLUDED = {
    "wagtailadmin_logout",  # would end the session the probe runs in
    "wagtailadmin_error_test",  # raises on purpose
}


def listing_urls(world: World) -> list[tuple[str, str]]:
    """Every admin pattern without parameters, with searches and filters aimed at Sebuntal."""
    news, home, col = world.pages["news_index"].pk, world.pages["home"].pk, world.village.collection_id
    urls = []
    for route in admin_routes():
        if route.params or route.positional or route.name in LISTING_EXCLUDED:
            continue
        queries = ["", f"?q={SEARCH_WORD}", f"?collection_id={col}"]
        if route.namespace.startswith("wagtailadmin_api"):
            queries = [
                "",
                f"?search={SEARCH_WORD}",
                f"?child_of={news}",
                f"?descendant_of={home}",
                f"?child_of={news}&for_explorer=1",
                f"?collection={col}",
                f"?id={world.image.pk}",
            ]
        base = reverse(route.name)
        urls.extend((route.name, base + query) for query in queries)
    return urls


@pytest.fixture
def intruder(client, other_operator):
    """Santan Ulu's operator, logged in to the admin; server errors come back as 500 responses."""
    client.force_login(other_operator)
    client.raise_request_exception = False
    return client


# --------------------------------------------------------------------------- the sweeps


def test_every_admin_pattern_with_a_tenant_parameter_is_probed(world):
    """The enumeration is not vacuous: the actions the brief names are all in it, nothing is unreadable."""
    urls, unfilled = tenant_urls(world)
    names = {name.split("[")[0] for name, _url in urls}
    expected = {
        "wagtailadmin_explore",
        "wagtailadmin_explore_results",
        "wagtailadmin_pages:edit",
        "wagtailadmin_pages:delete",
        "wagtailadmin_pages:add_subpage",
        "wagtailadmin_pages:add",
        "wagtailadmin_pages:unpublish",
        "wagtailadmin_pages:move",
        "wagtailadmin_pages:move_confirm",
        "wagtailadmin_pages:copy",
        "wagtailadmin_pages:revisions_index",
        "wagtailadmin_pages:revisions_view",
        "wagtailadmin_pages:revisions_revert",
        "wagtailadmin_pages:revisions_compare",
        "wagtailadmin_pages:history",
        "wagtailadmin_pages:preview_on_edit",
        "wagtailadmin_pages:preview_on_add",
        "wagtailadmin_pages:view_draft",
        "wagtailadmin_pages:usage",
        "wagtailadmin_pages:type_use",
        "wagtailadmin_pages:workflow_history",
        "wagtailadmin_pages:workflow_action",
        "wagtailadmin_pages:confirm_workflow_cancellation",
        "wagtailadmin_pages:lock",
        "wagtailadmin_pages:unlock",
        "wagtailadmin_pages:convert_alias",
        "wagtailadmin_pages:set_privacy",
        "wagtailadmin_api:pages:detail",
        "wagtailadmin_api:pages:action",
        "wagtailadmin_choose_page_child",
        "wagtailadmin_editing_sessions:ping",
        "wagtailimages:edit",
        "wagtailimages:delete",
        "wagtailimages:image_usage",
        "wagtailimages:preview",
        "wagtailimages:url_generator",
        "wagtailimages:edit_multiple",
        "wagtailimages:create_multiple_from_uploaded_image",
        "wagtailimages_chooser:chosen",
        "wagtailimages_chooser:select_format",
        "wagtaildocs:edit",
        "wagtaildocs:delete",
        "wagtaildocs:document_usage",
        "wagtaildocs_chooser:chosen",
        "wagtailadmin_collections:edit",
        "wagtailadmin_collections:delete",
        "wagtailadmin_collections:set_privacy",
        "wagtailusers_users:edit",
        "wagtailusers_groups:edit",
        "wagtail_bulk_action",
    }
    assert expected <= names, sorted(expected - names)
    # What is left out names no village's object: sites, redirects, settings, password reset, tags.
    tenant_params = set(PRIMARY_PARAMS) | {"page_to_move_id", "destination_id", "revision_id", "object_id"}
    unreadable = [r.name for r in unfilled if set(r.params) & tenant_params]
    assert not unreadable, f"admin patterns naming a tenant object that this test cannot fill: {unreadable}"
    assert all(r.name in POSITIONAL for r in admin_routes() if r.positional)


def test_it_refuses_every_admin_action_on_sebuntal_objects_to_another_village_operator(intruder, world):
    urls, _unfilled = tenant_urls(world)

    probe = probe_urls(intruder, world, urls)

    assert intruder.get(reverse("wagtailadmin_home")).status_code == 200, "the sweep logged the operator out"
    assert not _unexpected(probe), _report(_unexpected(probe))
    assert world.image.file.storage.exists(world.image.file.name)
    assert world.document.file.storage.exists(world.document.file.name)


def test_admin_listings_choosers_searches_and_reports_do_not_reveal_sebuntal(intruder, world):
    probe = probe_urls(
        intruder, world, listing_urls(world), methods=("GET",), check_db=False, check_files=False
    )

    assert not _unexpected(probe), _report(_unexpected(probe))


class LeakStillOpen(Exception):
    pass


@pytest.mark.parametrize(
    "hole",
    [
        pytest.param(hole, marks=pytest.mark.xfail(strict=True, raises=LeakStillOpen, reason=why))
        for hole, (why, _routes) in KNOWN_HOLES.items()
    ],
)
def test_known_hole_is_closed(intruder, world, hole):
    routes = set(KNOWN_HOLES[hole][1])
    urls = [(name, url) for name, url in [*tenant_urls(world)[0], *listing_urls(world)] if name in routes]
    assert {name for name, _url in urls} == routes, "a route of this hole is gone: update KNOWN_HOLES"

    probe = probe_urls(intruder, world, urls, methods=("GET",), check_db=False, check_files=False)

    if probe.findings:
        raise LeakStillOpen(_report(probe.findings))


def test_sebuntal_operator_sees_the_markers_through_the_same_urls(client, world, operator):
    """Positive control for the sweep: the URLs are right and the marker check would catch a leak."""
    client.force_login(operator)
    client.raise_request_exception = False
    must_show = {
        "wagtailadmin_explore",
        "wagtailadmin_pages:edit",
        "wagtailadmin_pages:delete",
        "wagtailadmin_pages:history",
        "wagtailadmin_pages:revisions_view",
        "wagtailadmin_pages:view_draft",
        "wagtailadmin_pages:usage",
        "wagtailadmin_pages:workflow_history",
        "wagtailadmin_api:pages:detail",
        "wagtailimages:edit",
        "wagtailimages:delete",
        "wagtailimages:image_usage",
        "wagtailimages:preview",
        "wagtailimages_chooser:chosen",
        "wagtaildocs:edit",
        "wagtaildocs:delete",
        "wagtaildocs:document_usage",
        "wagtaildocs_chooser:chosen",
    }
    urls = [(n, u) for n, u in tenant_urls(world)[0] if n in must_show]

    probe = probe_urls(client, world, urls, methods=("GET",), check_db=False)

    assert must_show <= probe.shown, sorted(must_show - probe.shown)


def test_sebuntal_operator_finds_sebuntal_items_in_the_same_listings(client, world, operator):
    """Positive control for the listing sweep: the searches and filters do reach Sebuntal's things."""
    client.force_login(operator)
    client.raise_request_exception = False
    must_show = {
        "wagtailadmin_pages:search",
        "wagtailadmin_pages:search_results",
        "wagtailimages:index",
        "wagtaildocs:index",
        "wagtailimages_chooser:choose",
        "wagtailimages_chooser:choose_results",
        "wagtaildocs_chooser:choose",
        "wagtaildocs_chooser:choose_results",
        "wagtailadmin_api:pages:listing",
        "wagtailadmin_reports:site_history",
    }
    urls = [(n, u) for n, u in listing_urls(world) if n in must_show]

    probe = probe_urls(client, world, urls, methods=("GET",), check_db=False, check_files=False)

    assert must_show <= probe.shown, sorted(must_show - probe.shown)


# --------------------------------------------------------------------------- the attacks, one by one

REFUSED = {302, 403, 404, 405}


def _edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def _page_form(client, url) -> dict:
    """What the browser of a user allowed to see `url` would POST back."""
    response = client.get(url)
    assert response.status_code == 200, url
    return h.harvest_form(response.content.decode(), "page-edit-form")


def _form_errors(response) -> str:
    body = _body(response)
    return " | ".join(
        " ".join(m.split()) for m in re.findall(r'class="error-message"[^>]*>(.*?)</', body, re.S)
    )


def _news_form(client, parent, title, slug) -> dict:
    from wagtail.test.utils.form_data import rich_text

    data = _page_form(client, reverse("wagtailadmin_pages:add", args=["villages", "newspage", parent.pk]))
    data.update(title=[title], slug=[slug], body=[rich_text("<p>Isi berita desa.</p>")])
    data["action-publish"] = ["action-publish"]
    return data


def test_operator_can_edit_and_publish_a_sebuntal_page(client, world, operator):
    client.force_login(operator)
    article = world.pages["article"]
    data = _page_form(client, _edit_url(article))
    data["title"] = ["Panen jagung melimpah"]
    data["action-publish"] = ["action-publish"]

    response = client.post(_edit_url(article), data)

    assert response.status_code == 302, _form_errors(response)
    article.refresh_from_db()
    assert article.live
    assert article.title == "Panen jagung melimpah"
    assert not article.has_unpublished_changes


def test_it_refuses_to_save_or_publish_a_sebuntal_page_even_with_a_complete_edit_form(
    client, world, operator, other_operator
):
    article = world.pages["article"]
    client.force_login(operator)
    data = _page_form(client, _edit_url(article))  # exactly what a legitimate browser would send
    data["title"] = ["DIRETAS"]
    data["action-publish"] = ["action-publish"]
    client.force_login(other_operator)
    before = snapshot(world)

    response = client.post(_edit_url(article), data)

    assert response.status_code in REFUSED
    assert not MARKER.search(_body(response))
    assert snapshot(world) == before


def test_regency_admin_can_edit_and_publish_any_village(client, world, regency_admin, santan_ulu):
    client.force_login(regency_admin)
    for home, title in [(world.pages["home"], "Desa Sebuntal"), (santan_ulu.page, "Desa Santan Ulu")]:
        data = _page_form(client, _edit_url(home))
        data["title"] = [f"{title} (diperbarui)"]
        data["action-publish"] = ["action-publish"]

        response = client.post(_edit_url(home), data)

        assert response.status_code == 302, _form_errors(response)
        home.refresh_from_db()
        assert home.live
        assert home.title == f"{title} (diperbarui)"


def test_other_operator_can_still_edit_their_own_village(intruder, world):
    """The refusals above are about Sebuntal, not an operator who can do nothing at all."""
    response = intruder.get(_edit_url(world.santan_article))

    assert response.status_code == 200
    assert "Kabar Santan Ulu" in _body(response)


def test_it_refuses_to_add_a_page_under_sebuntal(client, world, operator, other_operator):
    news_index = world.pages["news_index"]
    client.force_login(operator)
    data = _news_form(client, news_index, "Berita sisipan", "berita-sisipan")
    add_url = reverse("wagtailadmin_pages:add", args=["villages", "newspage", news_index.pk])
    client.force_login(other_operator)
    before = snapshot(world)

    assert client.get(add_url).status_code in REFUSED
    response = client.post(add_url, data)

    assert response.status_code in REFUSED
    assert snapshot(world) == before
    assert not Page.objects.filter(slug="berita-sisipan").exists()


def test_operator_can_add_a_page_under_sebuntal(client, world, operator):
    """Positive control: the very form refused to the intruder creates the page for Sebuntal's operator."""
    news_index = world.pages["news_index"]
    client.force_login(operator)
    data = _news_form(client, news_index, "Berita sisipan", "berita-sisipan")

    response = client.post(
        reverse("wagtailadmin_pages:add", args=["villages", "newspage", news_index.pk]), data
    )

    assert response.status_code == 302, _form_errors(response)
    page = Page.objects.get(slug="berita-sisipan")
    assert page.get_parent().pk == news_index.pk
    assert page.live


def test_it_refuses_to_copy_a_sebuntal_page_into_santan_ulu(intruder, world):
    article, target = world.pages["article"], world.santan_news_index
    before = snapshot(world)

    form = intruder.post(
        reverse("wagtailadmin_pages:copy", args=[article.pk]),
        {"new_title": "Salinan", "new_slug": "salinan", "new_parent_page": target.pk, "publish_copies": "on"},
    )
    api = intruder.post(
        reverse("wagtailadmin_api:pages:action", args=[article.pk, "copy"]),
        {"destination_page_id": target.pk, "slug": "salinan-api", "keep_live": True},
        content_type="application/json",
    )

    assert form.status_code in REFUSED
    assert api.status_code in REFUSED | {400}
    assert not target.get_children().filter(slug__startswith="salinan").exists()
    assert snapshot(world) == before


def test_it_refuses_to_move_a_sebuntal_page_out_or_a_santan_ulu_page_in(intruder, world):
    article, news_index = world.pages["article"], world.pages["news_index"]
    own, own_index = world.santan_article, world.santan_news_index
    before = snapshot(world)

    out = intruder.post(reverse("wagtailadmin_pages:move_confirm", args=[article.pk, own_index.pk]))
    into = intruder.post(reverse("wagtailadmin_pages:move_confirm", args=[own.pk, news_index.pk]))
    api = intruder.post(
        reverse("wagtailadmin_api:pages:action", args=[own.pk, "move"]),
        {"destination_page_id": news_index.pk},
        content_type="application/json",
    )

    assert out.status_code in REFUSED
    assert into.status_code in REFUSED
    assert api.status_code in REFUSED | {400}
    assert snapshot(world) == before
    assert Page.objects.get(pk=own.pk).get_parent().pk == own_index.pk


def test_it_refuses_to_unpublish_delete_lock_or_revert_sebuntal_pages(intruder, world):
    before = snapshot(world)
    for page in world.pages.values():
        for name, args in [
            ("wagtailadmin_pages:unpublish", [page.pk]),
            ("wagtailadmin_pages:delete", [page.pk]),
            ("wagtailadmin_pages:lock", [page.pk]),
            ("wagtailadmin_pages:unlock", [page.pk]),
            ("wagtailadmin_pages:revisions_revert", [page.pk, page.latest_revision_id]),
        ]:
            response = intruder.post(reverse(name, args=args), {"include_descendants": "on"})
            assert response.status_code in REFUSED, (name, page.title, response.status_code)

    assert snapshot(world) == before


UPLOADS = {
    "image form": ("wagtailimages:add", "", "image"),
    "image multiple": ("wagtailimages:add_multiple", None, "image"),
    "image chooser": ("wagtailimages_chooser:create", "image-chooser-upload-", "image"),
    "document form": ("wagtaildocs:add", "", "document"),
    "document multiple": ("wagtaildocs:add_multiple", None, "document"),
    "document chooser": ("wagtaildocs_chooser:create", "document-chooser-upload-", "document"),
}


def _upload(client, door, collection_id, name):
    url_name, prefix, kind = UPLOADS[door]
    if kind == "image":
        content = h.png_bytes(colour=(hash(name) % 256, 90, 90))
        filename = f"{name}.png"
    else:
        content, filename = h.PDF_BYTES, f"{name}.pdf"
    if prefix is None:
        data = {"collection": collection_id, "files[]": h.upload(filename, content)}
    else:
        data = {
            f"{prefix}title": name,
            f"{prefix}collection": collection_id,
            f"{prefix}file": h.upload(filename, content),
        }
    return client.post(reverse(url_name), data)


@pytest.mark.parametrize("door", UPLOADS)
def test_it_refuses_uploads_into_sebuntal_collection(intruder, sebuntal, door):
    model = Image if UPLOADS[door][2] == "image" else Document
    collection = sebuntal.collection
    before = model.objects.filter(collection=collection).count()

    response = _upload(intruder, door, collection.pk, f"sisipan-{door.replace(' ', '-')}")

    assert response.status_code < 500
    assert model.objects.filter(collection=collection).count() == before


@pytest.mark.parametrize("door", UPLOADS)
def test_operator_can_upload_into_their_own_collection(operator_client, sebuntal, door):
    """Positive control: the same request lands in Sebuntal's collection for Sebuntal's operator."""
    model = Image if UPLOADS[door][2] == "image" else Document
    collection = sebuntal.collection
    before = model.objects.filter(collection=collection).count()

    response = _upload(operator_client, door, collection.pk, f"milik-{door.replace(' ', '-')}")

    assert response.status_code in {200, 302}
    assert model.objects.filter(collection=collection).count() == before + 1


def test_it_refuses_to_move_an_image_or_document_into_sebuntal_collection(intruder, sebuntal, santan_ulu):
    """Planting: Santan Ulu's operator edits their own image, choosing Sebuntal's collection."""
    own_image = Image.objects.create(
        title="Foto Santan Ulu",
        file=ImageFile(ContentFile(h.png_bytes(colour=(1, 2, 3))), name="santan.png"),
        collection=santan_ulu.collection,
    )
    own_document = Document.objects.create(
        title="Dokumen Santan Ulu",
        file=ContentFile(h.PDF_BYTES, name="santan.pdf"),
        collection=santan_ulu.collection,
    )

    for url, obj in [
        (reverse("wagtailimages:edit", args=[own_image.pk]), own_image),
        (reverse("wagtaildocs:edit", args=[own_document.pk]), own_document),
    ]:
        response = intruder.post(url, {"title": obj.title, "collection": sebuntal.collection_id})
        assert response.status_code in {200, *REFUSED}
        obj.refresh_from_db()
        assert obj.collection_id == santan_ulu.collection.pk


def test_admin_page_search_and_explorer_do_not_reveal_sebuntal_pages(intruder, client, world, operator):
    home, news_index = world.pages["home"], world.pages["news_index"]
    urls = [
        reverse("wagtailadmin_pages:search") + f"?q={SEARCH_WORD}",
        reverse("wagtailadmin_pages:search") + "?q=jagung",
        reverse("wagtailadmin_explore", args=[home.pk]),
        reverse("wagtailadmin_explore", args=[news_index.pk]),
        reverse("wagtailadmin_api:pages:listing") + f"?child_of={news_index.pk}&for_explorer=1",
    ]
    for url in urls:
        body = _body(intruder.get(url))
        assert not MARKER.search(body), url
        assert f"Panen jagung {SEARCH_WORD}" not in body, url  # not even the article's published title

    client.force_login(operator)
    assert MARKER.search(_body(client.get(urls[0])))  # the same search finds it for its owner
