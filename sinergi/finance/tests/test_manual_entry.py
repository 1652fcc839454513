"""The operator types a budget and its realisation in the admin, without a workbook."""

import pytest
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from sinergi.core.formatting import rupiah
from sinergi.finance.models import (
    BudgetActivity,
    BudgetEvent,
    BudgetVersion,
    IncomeLine,
    Realisation,
    RealisationItem,
    SpendingLine,
)
from sinergi.finance.tests.helpers import published_budget

pytestmark = pytest.mark.django_db

PUBLIC = "/marang-kayu/sebuntal/transparansi/"


def management(prefix, total, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def rows(prefix, values):
    data = management(prefix, len(values))
    for i, row in enumerate(values):
        data.update({f"{prefix}-{i}-{key}": value for key, value in row.items()})
    return data


def new_draft(client, village, **extra):
    fields = {"village": village.pk, "year": 2026, "kind": "apbdes", "start": "", **extra}
    return client.post(reverse("apbdes_admin:draft_create"), fields)


def the_version(**filters) -> BudgetVersion:
    with scopes_disabled():
        return BudgetVersion.objects.get(**filters)


def test_an_operator_types_a_budget_and_publishes_it(operator_client, sebuntal):
    response = new_draft(operator_client, sebuntal)
    assert response.status_code == 302
    version = the_version()
    assert (version.state, version.year, version.kind, version.number) == ("draft", 2026, "apbdes", 1)
    page = operator_client.get(response["Location"]).content.decode()
    assert "Isi pendapatan" in page and "Tambah kegiatan" in page

    # A double click makes no second draft: the operator is sent on to continue the first.
    again = new_draft(operator_client, sebuntal)
    assert again.status_code == 200
    assert "Sudah ada draf APBDes 2026 (versi 1)" in again.content.decode()

    income = reverse("apbdes_admin:version_lines", args=[version.pk, "pendapatan"])
    assert operator_client.get(income).status_code == 200
    # Mistakes are named on their row and nothing is saved.
    bad = operator_client.post(
        income,
        rows(
            "baris",
            [
                {"code": "4.2.1", "name": "", "amount": "satu miliar"},
                {"code": "7.1", "name": "Lain", "amount": "5"},
                {"code": "4.2.3", "name": "", "amount": "12.345,50"},
            ],
        ),
    )
    body = bad.content.decode()
    assert bad.status_code == 200
    assert "Teks \u201csatu miliar\u201d di tempat angka rupiah." in body
    assert "bukan kode akun 4" in body
    with scopes_disabled():
        assert not IncomeLine.objects.exists()
    # A parent and its child together would count twice.
    twice = operator_client.post(
        income,
        rows(
            "baris",
            [{"code": "4.1.1", "amount": "10"}, {"code": "4.1.1.01", "name": "BUMDes", "amount": "10"}],
        ),
    )
    assert "4.1.1 dan rinciannya 4.1.1.01" in twice.content.decode()

    saved = operator_client.post(
        income,
        rows(
            "baris",
            [
                {"code": "4.2.1", "name": "", "amount": "1.000.000.000"},
                {"code": "4.2.3", "name": "", "amount": "Rp 450.000.000"},
                {"code": "", "name": "", "amount": ""},  # an empty row is ignored
            ],
        ),
    )
    assert saved.status_code == 302
    with scopes_disabled():
        lines = list(IncomeLine.objects.order_by("position").values_list("code", "name", "amount"))
    assert lines == [("4.2.1", "Dana Desa", 1_000_000_000), ("4.2.3", "Alokasi Dana Desa", 450_000_000)]

    add = reverse("apbdes_admin:activity_create", args=[version.pk])
    activity = {
        "code": "2.3.01",
        "name": "Pembangunan jalan usaha tani",
        "location": "RT 04",
        "volume": "350,5",
        "unit": "meter",
        "implementer": "TPK",
        **rows(
            "belanja",
            [
                {"spending_type": "5.3", "fund_source": "DDS", "amount": "900.000.000"},
                {"spending_type": "5.2", "fund_source": "ADD", "amount": "400000000"},
            ],
        ),
    }
    assert operator_client.post(add, {**activity, "code": "9.9.01"}).status_code == 200  # unknown sub-bidang
    assert operator_client.post(add, activity).status_code == 302
    duplicate = operator_client.post(add, activity)
    assert "Kode kegiatan 2.3.01 sudah dipakai" in duplicate.content.decode()
    with scopes_disabled():
        saved_activity = BudgetActivity.objects.get()
        assert (saved_activity.field_code, saved_activity.subfield_code) == ("2", "2.3")
        assert str(saved_activity.volume) == "350.50"
        assert sum(SpendingLine.objects.values_list("amount", flat=True)) == 1_300_000_000

    # Change the kegiatan: its lines are replaced, not added to.
    edit = reverse("apbdes_admin:activity_edit", args=[version.pk, saved_activity.pk])
    form = operator_client.get(edit).content.decode()
    assert "Pembangunan jalan usaha tani" in form and "350,5" in form
    activity.update(
        rows("belanja", [{"spending_type": "5.3", "fund_source": "DDS", "amount": "1.100.000.000"}])
    )
    assert operator_client.post(edit, activity).status_code == 302
    with scopes_disabled():
        assert list(SpendingLine.objects.values_list("amount", flat=True)) == [1_100_000_000]

    financing = reverse("apbdes_admin:version_lines", args=[version.pk, "pembiayaan"])
    assert (
        operator_client.post(
            financing, rows("baris", [{"code": "6.1.1", "amount": "50.000.000"}])
        ).status_code
        == 302
    )

    overview = operator_client.get(reverse("apbdes_admin:version", args=[version.pk])).content.decode()
    assert rupiah(1_450_000_000) in overview and rupiah(1_100_000_000) in overview
    # Surplus 350 million, plus SiLPA 50 million: computed, never typed.
    assert rupiah(400_000_000) in overview

    publish = operator_client.post(reverse("apbdes_admin:version_publish", args=[version.pk]))
    assert publish.status_code == 302
    public = operator_client.get(PUBLIC).content.decode()
    assert "Pembangunan jalan usaha tani" in public

    # Published figures are not edited any more, by any screen of this feature.
    for url in (income, edit, add):
        response = operator_client.post(url, activity)
        assert response.status_code == 302 and response["Location"].endswith(f"/versi/{version.pk}/")
    with scopes_disabled():
        assert list(SpendingLine.objects.values_list("amount", flat=True)) == [1_100_000_000]
    delete = operator_client.post(
        reverse("apbdes_admin:activity_delete", args=[version.pk, saved_activity.pk])
    )
    assert delete.status_code == 302
    with scopes_disabled():
        assert BudgetActivity.objects.filter(pk=saved_activity.pk).exists()


def test_a_correction_copies_the_published_version_and_leaves_a_trace(operator_client, sebuntal, operator):
    published, budget = published_budget(sebuntal, operator, year=2026)
    without_reason = new_draft(operator_client, sebuntal, start="tahun_ini")
    assert "sudah diterbitkan: tulis alasan koreksinya" in without_reason.content.decode()

    response = new_draft(
        operator_client, sebuntal, start="tahun_ini", correction_reason="Salah ketik Dana Desa"
    )
    assert response.status_code == 302
    draft = the_version(number=2)
    assert draft.corrects_id == published.pk
    with scopes_disabled():
        copied = sorted(IncomeLine.objects.filter(version=draft).values_list("code", "amount"))
        original = sorted(IncomeLine.objects.filter(version=published).values_list("code", "amount"))
        assert copied == original
        assert (
            SpendingLine.objects.filter(version=draft).count()
            == SpendingLine.objects.filter(version=published).count()
        )
    rows_now = [{"code": code, "amount": str(amount)} for code, amount in copied]
    rows_now[0]["amount"] = str(copied[0][1] + 1_000)
    url = reverse("apbdes_admin:version_lines", args=[draft.pk, "pendapatan"])
    assert operator_client.post(url, rows("baris", rows_now)).status_code == 302
    operator_client.post(reverse("apbdes_admin:version_publish", args=[draft.pk]))
    with scopes_disabled():
        event = BudgetEvent.objects.filter(version=draft).get()
    assert event.action == "corrected"
    assert "Salah ketik Dana Desa" in event.summary
    assert f"{rupiah(budget.total_income)} \u2192 {rupiah(budget.total_income + 1_000)}" in event.summary


def test_an_amendment_starts_from_the_adopted_budget(operator_client, sebuntal, operator):
    published_budget(sebuntal, operator, year=2026)
    response = new_draft(operator_client, sebuntal, kind="perubahan", start="tahun_ini")
    assert response.status_code == 302
    draft = the_version(kind="perubahan")
    assert draft.corrects_id is None and draft.number == 2
    with scopes_disabled():
        assert draft.activities.count() > 0
    # Nothing to copy from the year before.
    nothing = new_draft(operator_client, sebuntal, year=2027, start="tahun_lalu")
    assert nothing.status_code == 302
    empty = new_draft(operator_client, sebuntal, year=2025, start="tahun_lalu")
    assert "Belum ada APBDes terbit untuk disalin" in empty.content.decode()


def test_an_operator_types_the_realisation_and_publishes_it(operator_client, sebuntal, operator):
    version, _budget = published_budget(sebuntal, operator, year=2025)
    create = reverse("apbdes_admin:realisation_create", args=[version.pk])
    response = operator_client.post(create, {"period": "akhir_tahun"})
    assert response.status_code == 302
    assert (
        "sudah ada draf" in operator_client.post(create, {"period": "akhir_tahun"}).content.decode().lower()
    )
    with scopes_disabled():
        realisation = Realisation.objects.get()
        items = list(realisation.items.all())
        activities = {a.code: a for a in BudgetActivity.objects.filter(version=version)}
    assert {i.part for i in items} >= {"pendapatan", "belanja"}
    assert len([i for i in items if i.part == "belanja"]) == len(activities)

    entry_url = response["Location"]
    page = operator_client.get(entry_url).content.decode()
    spending = [i for i in items if i.part == "belanja"]
    first = spending[0]
    with scope(village=sebuntal.pk):
        first_budget = sum(line.amount for line in activities[first.code].lines.all())
    assert rupiah(first_budget) in page

    data = {}
    for item in items:
        data[f"baris-{item.pk}-amount"] = "0"
        data[f"baris-{item.pk}-note"] = ""
        if item.part == "belanja":
            data[f"baris-{item.pk}-status"] = "tidak_dilaksanakan"
    data[f"baris-{first.pk}-amount"] = str(first_budget + 1)
    over = operator_client.post(entry_url, data)
    assert "Realisasi melebihi anggaran kegiatan" in over.content.decode()
    with scopes_disabled():
        assert RealisationItem.objects.get(pk=first.pk).amount == 0
    data[f"baris-{first.pk}-amount"] = f"{first_budget:,}".replace(",", ".")
    data[f"baris-{first.pk}-status"] = "selesai"
    data[f"baris-{spending[1].pk}-note"] = "Ditunda <b>musim hujan</b>"  # not done: its note is public
    assert operator_client.post(entry_url, data).status_code == 302
    with scopes_disabled():
        saved = RealisationItem.objects.get(pk=first.pk)
    assert (saved.amount, saved.status) == (first_budget, "selesai")

    operator_client.post(reverse("apbdes_admin:realisation_publish", args=[realisation.pk]))
    public = operator_client.get(f"{PUBLIC}tahun/2025/").content.decode()
    assert "Ditunda &lt;b&gt;musim hujan&lt;/b&gt;" in public
    assert "<b>musim hujan</b>" not in public
    # Published: the entry screen refuses and changes nothing.
    data[f"baris-{first.pk}-amount"] = "1"
    refused = operator_client.post(entry_url, data)
    assert refused.status_code == 302
    with scopes_disabled():
        assert RealisationItem.objects.get(pk=first.pk).amount == first_budget
    # A correction starts from the published figures and needs a reason.
    assert "alasan koreksinya" in operator_client.post(create, {"period": "akhir_tahun"}).content.decode()
    corrected = operator_client.post(create, {"period": "akhir_tahun", "correction_reason": "Nota terlambat"})
    assert corrected.status_code == 302
    with scopes_disabled():
        copy = Realisation.objects.get(number=2)
        assert copy.corrects_id == realisation.pk
        assert copy.items.get(part="belanja", code=first.code).amount == first_budget


def test_another_villages_operator_reaches_nothing(other_operator_client, sebuntal, operator):
    version, _budget = published_budget(sebuntal, operator, year=2025)
    with scopes_disabled():
        activity = BudgetActivity.objects.filter(version=version).first()
    urls = [
        reverse("apbdes_admin:version_lines", args=[version.pk, "pendapatan"]),
        reverse("apbdes_admin:activity_create", args=[version.pk]),
        reverse("apbdes_admin:activity_edit", args=[version.pk, activity.pk]),
        reverse("apbdes_admin:realisation_create", args=[version.pk]),
    ]
    for url in urls:
        assert other_operator_client.get(url).status_code == 404
        assert other_operator_client.post(url, {"period": "akhir_tahun"}).status_code == 404
    # Nor can a draft be started for a village the operator does not manage.
    response = new_draft(other_operator_client, sebuntal)
    assert response.status_code == 200 and "village" in response.context["form"].errors
    with scopes_disabled():
        assert BudgetVersion.objects.count() == 1
        assert not Realisation.objects.exists()
