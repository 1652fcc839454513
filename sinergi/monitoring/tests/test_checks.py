"""Each check, for a village in a given state: the points it gives and what it says is missing."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scopes_disabled

from sinergi.core.tests.factories import make_news, publish, section
from sinergi.monitoring import checks
from sinergi.monitoring.compute import evaluate
from sinergi.monitoring.seed import DEFAULT_RULES, ensure_ruleset
from sinergi.monitoring.tests.helpers import items_of, republish
from sinergi.regions.models import Village
from sinergi.villages.models import (
    GovernmentPage,
    LegalDocumentPage,
    LegalIndexPage,
    Official,
    ProfilePage,
    StandardPage,
)

pytestmark = pytest.mark.django_db


def test_default_rules_weigh_one_hundred_with_the_block_weights_of_the_methodology():
    weights = {}
    for _check, block, weight, *_rest in DEFAULT_RULES:
        weights[block] = weights.get(block, 0) + Decimal(weight)
    assert weights == {"A": 35, "B": 20, "C": 15, "D": 15, "E": 10, "F": 5}
    assert all(rule[0] in checks.REGISTRY for rule in DEFAULT_RULES)
    assert all(rule[6] and rule[7] for rule in DEFAULT_RULES), "every rule has a source and a fix"


def _contact(village, **fields):
    republish(village.page.specific, **fields)


@pytest.mark.parametrize(
    ("fields", "points", "status", "text"),
    [
        ({}, "0.00", "missing", "alamat kantor; telepon, WhatsApp atau surel belum diisi"),
        ({"address": "Jl. Poros Bontang"}, "2.00", "partial", "telepon, WhatsApp atau surel belum diisi"),
        ({"address": "Jl. Poros Bontang", "email": "desa@sebuntal.test"}, "4.00", "ok", ""),
    ],
)
def test_contact_details(regency, sebuntal, fields, points, status, text):
    _contact(sebuntal, **{"address": "", "phone": "", "whatsapp": "", "email": "", **fields})
    item = items_of(regency, sebuntal)["E.kontak"]
    assert (str(item["points"]), item["status"]) == (points, status)
    assert text in item["missing_text"]
    assert item["fix_url"] == f"/admin/pages/{sebuntal.page_id}/edit/"


@pytest.mark.parametrize(
    ("fields", "age_days", "points", "status", "text"),
    [
        ({"vision": "", "history": ""}, 0, "0.00", "missing", "sejarah, visi belum diisi"),
        ({"vision": "Desa maju", "history": ""}, 0, "0.00", "missing", "sejarah belum diisi"),
        ({"vision": "Desa maju", "history": "<p>Dibuka 1960.</p>"}, 0, "6.00", "ok", ""),
        (
            {"vision": "Desa maju", "history": "<p>Dibuka 1960.</p>"},
            400,
            "3.00",
            "stale",
            "tidak diperbarui sejak",
        ),
    ],
)
def test_village_profile(regency, sebuntal, fields, age_days, points, status, text):
    page = republish(section(sebuntal, ProfilePage), **fields)
    if age_days:
        ProfilePage.objects.filter(pk=page.pk).update(
            last_published_at=timezone.now() - dt.timedelta(days=age_days)
        )
    item = items_of(regency, sebuntal)["A.profil_desa"]
    assert (str(item["points"]), item["status"]) == (points, status)
    assert text in item["missing_text"]


def test_government_needs_three_officials(regency, sebuntal):
    page = section(sebuntal, GovernmentPage)
    assert items_of(regency, sebuntal)["A.pemerintahan"]["missing_text"] == (
        "Daftar perangkat desa baru 0 orang (paling sedikit 3)."
    )
    for name in ("Ahmad", "Budi", "Citra"):
        page.officials.add(Official(name=name, position="Kaur"))
    republish(page)
    item = items_of(regency, sebuntal)["A.pemerintahan"]
    assert (item["points"], item["status"]) == (Decimal("7.00"), "ok")


@pytest.mark.parametrize(
    ("year_offset", "points", "status"), [(None, "0.00", "missing"), (-1, "3.50", "stale"), (0, "7.00", "ok")]
)
def test_legal_products_of_this_year(regency, sebuntal, year_offset, points, status):
    if year_offset is not None:
        year = timezone.localdate().year + year_offset
        publish(
            section(sebuntal, LegalIndexPage),
            LegalDocumentPage(title="Perdes APBDes", kind="perdes", number="1", year=year, about="APBDes"),
        )
    item = items_of(regency, sebuntal)["A.produk_hukum"]
    assert (str(item["points"]), item["status"]) == (points, status)


@pytest.mark.parametrize(
    ("age_days", "points", "text"),
    [(2, "5.00", ""), (40, "0.00", "Tidak ada berita dalam 30 hari terakhir.")],
)
def test_news_in_the_last_30_days(regency, sebuntal, age_days, points, text):
    make_news(sebuntal, "Kerja bakti", date=timezone.localdate() - dt.timedelta(days=age_days))
    item = items_of(regency, sebuntal)["D.berita_30_hari"]
    assert (str(item["points"]), item["missing_text"]) == (points, text)


def test_regular_news_scores_the_share_of_the_target(regency, sebuntal):
    for n in range(3):
        make_news(sebuntal, f"Berita {n}", date=timezone.localdate() - dt.timedelta(days=n))
    item = items_of(regency, sebuntal)["D.berita_90_hari"]
    assert (item["points"], item["status"]) == (Decimal("1.50"), "partial")
    assert item["missing_text"] == "3 berita dalam 90 hari terakhir; targetnya 6."


def test_emergency_contacts_page(regency, sebuntal):
    assert items_of(regency, sebuntal)["F.kontak_darurat"]["status"] == "missing"
    publish(sebuntal.page, StandardPage(title="Kontak Darurat", slug="kontak-darurat"))
    item = items_of(regency, sebuntal)["F.kontak_darurat"]
    assert (item["points"], item["status"]) == (Decimal("3.00"), "ok")


MB = 1024 * 1024


def _documents(village, sizes_mb):
    """Documents of `village`'s collection with the given recorded sizes (the files themselves are tiny)."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    return [
        get_document_model().objects.create(
            title=f"Dokumen {n}",
            file=ContentFile(b"%PDF-1.4", name=f"dokumen-{n}.pdf"),
            collection=village.collection,
            file_size=int(size * MB),
        )
        for n, size in enumerate(sizes_mb)
    ]


@pytest.mark.parametrize(
    ("sizes_mb", "params", "points", "status", "text", "fix"),
    [
        ([], None, "2.00", "ok", "", None),
        ([0.4, 4.9], None, "2.00", "ok", "", None),
        ([0.4, 6, 2, 1], None, "1.50", "partial", "1 dari 4 dokumen desa lebih besar dari 5 MB", 1),
        ([6, 12], None, "0.00", "missing", "2 dari 2 dokumen desa lebih besar dari 5 MB", 1),
        ([6, 12], {"max_mb": 10}, "1.00", "partial", "1 dari 2 dokumen desa lebih besar dari 10 MB", 1),
        ([0.4, 2.5], {"max_mb": "1.5"}, "1.00", "partial", "lebih besar dari 1,5 MB", 1),
    ],
)
def test_documents_light_enough_for_a_phone(
    regency, sebuntal, santan_ulu, sizes_mb, params, points, status, text, fix
):
    from sinergi.monitoring.models import Rule

    _documents(santan_ulu, [30, 40])  # another village's heavy documents never count
    documents = _documents(sebuntal, sizes_mb)
    if params is not None:
        Rule.objects.filter(ruleset=ensure_ruleset(regency), check_id="E.dokumen_ringan").update(
            params=params
        )
    item = items_of(regency, sebuntal)["E.dokumen_ringan"]
    assert (str(item["points"]), item["status"]) == (points, status)
    assert text in item["missing_text"]
    # Where to fix it: the largest too heavy document's edit form, which replaces its file.
    assert item["fix_url"] == ("" if fix is None else f"/admin/documents/edit/{documents[fix].pk}/")


def test_the_migration_replaces_the_rule_that_measured_nothing_in_a_new_version(regency):
    import importlib

    from django.apps import apps

    from sinergi.monitoring.models import Rule, RuleSet

    migration = importlib.import_module("sinergi.monitoring.migrations.0003_light_documents_rule")
    # A rule set as migration 0002 left it: E.templat_ringan where E.dokumen_ringan is now.
    old = ensure_ruleset(regency)
    Rule.objects.filter(ruleset=old, check_id="E.dokumen_ringan").update(
        check_id="E.templat_ringan", params={}, title="Halaman ringan dan ramah ponsel"
    )
    migration.replace_rule(apps, None)
    new = RuleSet.objects.filter(regency=regency).order_by("-version").first()
    assert new.version == old.version + 1
    rules = {rule.check_id: rule for rule in new.rules.all()}
    assert "E.templat_ringan" not in rules
    assert (rules["E.dokumen_ringan"].weight, rules["E.dokumen_ringan"].params) == (
        Decimal("2"),
        {"max_mb": 5},
    )
    assert new.total_weight == 100
    assert new.block_weights() == {"A": 35, "B": 20, "C": 15, "D": 15, "E": 10, "F": 5}
    assert old.rules.filter(check_id="E.templat_ringan").exists()  # the version that scored is kept
    migration.replace_rule(apps, None)  # nothing left to replace
    assert RuleSet.objects.filter(regency=regency).count() == 2


def test_ppid_decree(regency, sebuntal):
    from sinergi.ppid.models import PpidPage

    item = items_of(regency, sebuntal)["C.sk_ppid"]
    assert (item["points"], item["missing_text"]) == (
        Decimal("0.00"),
        "Nomor dan dokumen SK PPID belum diisi.",
    )
    republish(section(sebuntal, PpidPage), decree_number="141/05/SK/2026")
    assert items_of(regency, sebuntal)["C.sk_ppid"]["points"] == Decimal("4.00")


PPID_UNPUBLISHED = "Halaman PPID belum terbit."


@pytest.mark.parametrize(
    ("live", "fields", "expected"),
    [
        (
            False,
            {},
            {
                "C.sk_ppid": ("0.00", PPID_UNPUBLISHED),
                "C.maklumat": ("0.00", PPID_UNPUBLISHED),
                "C.layanan_permohonan": (
                    "0.00",
                    "Halaman PPID belum terbit, jadi formulir permohonan dan keberatan belum bisa dipakai.",
                ),
            },
        ),
        (
            True,
            {"decree_number": "", "service_notice": ""},
            {
                "C.sk_ppid": ("0.00", "Nomor dan dokumen SK PPID belum diisi."),
                "C.maklumat": ("0.00", "Maklumat pelayanan informasi belum diisi."),
                "C.layanan_permohonan": ("2.00", ""),
            },
        ),
        (
            True,
            {"decree_number": "141/05/SK/2026", "service_notice": "<p>Kami melayani setiap hari kerja.</p>"},
            {"C.sk_ppid": ("4.00", ""), "C.maklumat": ("2.00", ""), "C.layanan_permohonan": ("2.00", "")},
        ),
    ],
)
def test_the_ppid_page_checks(regency, sebuntal, live, fields, expected):
    from sinergi.ppid.models import PpidPage

    page = republish(section(sebuntal, PpidPage), **fields)
    if not live:
        page.unpublish()
    items = items_of(regency, sebuntal)
    for check_id, (points, text) in expected.items():
        item = items[check_id]
        assert (str(item["points"]), item["missing_text"]) == (points, text), check_id
        assert item["status"] == ("missing" if text else "ok")
        assert item["fix_url"] == f"/admin/pages/{page.pk}/edit/"  # the PPID page, live or not


def test_a_check_whose_feature_is_absent_is_unavailable_not_an_error(regency, sebuntal, monkeypatch):
    monkeypatch.setitem(checks.REGISTRY, "B.apbdes", (checks.REGISTRY["B.apbdes"][0], "not_installed"))
    item = items_of(regency, sebuntal)["B.apbdes"]
    assert (item["points"], item["status"], item["missing_text"]) == (
        Decimal("0.00"),
        "unavailable",
        "belum tersedia",
    )


def test_a_check_never_counts_another_villages_content(regency, sebuntal, santan_ulu):
    make_news(santan_ulu, "Berita Santan Ulu")
    publish(santan_ulu.page, StandardPage(title="Kontak Darurat", slug="kontak-darurat"))
    republish(section(santan_ulu, ProfilePage), vision="Maju", history="<p>Sejarah</p>")
    mine = items_of(regency, sebuntal)
    assert mine["D.berita_30_hari"]["status"] == "missing"
    assert mine["F.kontak_darurat"]["status"] == "missing"
    assert mine["A.profil_desa"]["status"] == "missing"
    theirs = items_of(regency, santan_ulu)
    assert theirs["D.berita_30_hari"]["status"] == theirs["F.kontak_darurat"]["status"] == "ok"


def test_the_number_of_queries_does_not_grow_with_the_villages(regency):
    villages = list(Village.objects.filter(district__regency=regency).order_by("code"))
    assert len(villages) >= 12
    day = timezone.localdate()
    evaluate(regency, day, villages[:1])  # the rule set exists from here on

    def count(subset):
        with scopes_disabled(), CaptureQueriesContext(connection) as queries:
            evaluate(regency, day, subset)
        return len(queries)

    assert count(villages[:3]) == count(villages[:12]) == count(villages)
