"""The operator's journey in the admin: template, upload, preview with problems, confirm, publish."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_scopes import scope, scopes_disabled
from openpyxl import load_workbook

from sinergi.core.formatting import rupiah
from sinergi.finance import samples, workbook
from sinergi.finance.models import BudgetEvent, BudgetImport, BudgetVersion, IncomeLine, SpendingLine
from sinergi.finance.tests.helpers import published_budget, template_bytes

pytestmark = pytest.mark.django_db


def upload(client, village, data, name="apbdes.xlsx", **extra):
    fields = {
        "village": village.pk,
        "year": 2025,
        "target": "apbdes",
        "file": SimpleUploadedFile(name, data),
        **extra,
    }
    return client.post(reverse("apbdes_admin:import"), fields)


def with_error(data: bytes) -> bytes:
    """The filled template with text where a number belongs, on the first kegiatan's row."""
    book = load_workbook(io.BytesIO(data))
    book[workbook.SPENDING_SHEET]["I2"] = "satu juta"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_template_preview_confirm_publish(operator_client, sebuntal, operator):
    response = operator_client.get(reverse("apbdes_admin:template"))
    assert response.status_code == 200
    template = response.content
    book = load_workbook(io.BytesIO(template))
    assert {"Petunjuk", "Pendapatan", "Belanja", "Pembiayaan", "Realisasi", "Ringkasan", "Kode"} <= set(
        book.sheetnames
    )
    assert [c.value for c in book["Belanja"][1]][:3] == ["Kode", "Uraian", "Lokasi"]

    budget = samples.sample_budget(3, 2025)
    filled = samples.fill_template(template, budget)

    # A deliberate error: nothing is saved, the preview names sheet, row and column.
    response = upload(operator_client, sebuntal, with_error(filled))
    assert response.status_code == 302
    preview = operator_client.get(response["Location"])
    body = preview.content.decode()
    assert "Belanja" in body and "satu juta" in body
    assert re.search(r"<td>Belanja</td><td>2</td><td>I</td>", body)
    assert "Konfirmasi dan simpan" not in body
    assert operator_client.post(response["Location"]).status_code == 302  # a forced confirm saves nothing
    with scopes_disabled():
        assert not BudgetVersion.objects.exists()
        assert not SpendingLine.objects.exists()

    # The fixed file: totals to the rupiah, then confirm (twice: one version), then publish.
    response = upload(operator_client, sebuntal, filled)
    preview_url = response["Location"]
    body = operator_client.get(preview_url).content.decode()
    assert rupiah(budget.total_income) in body and rupiah(budget.total_spending) in body
    first = operator_client.post(preview_url)
    second = operator_client.post(preview_url)
    assert first["Location"] == second["Location"]
    with scopes_disabled():
        version = BudgetVersion.objects.get()
        assert version.state == "draft" and version.number == 1
        assert sum(SpendingLine.objects.values_list("amount", flat=True)) == budget.total_spending
    public = "/marang-kayu/sebuntal/transparansi/"
    assert (
        rupiah(budget.total_income) not in operator_client.get(public).content.decode()
    )  # a draft is not public

    assert operator_client.post(reverse("apbdes_admin:version_publish", args=[version.pk])).status_code == 302
    with scopes_disabled():
        version.refresh_from_db()
        assert version.state == "published" and version.published_by == operator
        assert BudgetEvent.objects.get().action == "published"


def test_refused_workbooks_have_clear_messages(operator_client, sebuntal):
    cases = {
        "encrypted": (workbook.OLE_SIGNATURE + b"\x00" * 600, "kata sandi"),
        "not a workbook": (b"<html><script>alert(1)</script></html>", "bukan buku kerja"),
        "broken zip": (b"PK\x03\x04" + b"\x00" * 100, "rusak"),
        "huge": (b"PK\x03\x04" + b"\x00" * (workbook.MAX_FILE_BYTES + 1), "terlalu besar"),
    }
    macro = io.BytesIO()
    with __import__("zipfile").ZipFile(macro, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/vbaProject.bin", b"\x00")
    cases["macro"] = (macro.getvalue(), "makro")
    for name, (data, message) in cases.items():
        response = upload(operator_client, sebuntal, data)
        assert response.status_code == 200, name
        assert message in response.content.decode(), name
    with scopes_disabled():
        assert not BudgetImport.objects.exists()


def test_formulas_are_read_as_stored_values_or_refused(sebuntal, operator):
    book = load_workbook(io.BytesIO(template_bytes()))
    book["Pendapatan"].append(["4.2.1", "Dana Desa", "=1000*1000"])  # openpyxl stores no cached value
    out = io.BytesIO()
    book.save(out)
    parsed = workbook.read_workbook(out.getvalue())
    assert any("Rumus tanpa nilai tersimpan" in p.message and p.column == "C" for p in parsed.problems)
    assert not parsed.income


def test_every_kind_of_problem_is_found_with_its_place(sebuntal):
    budget = samples.sample_budget(2, 2025)
    book = load_workbook(io.BytesIO(samples.fill_template(template_bytes(), budget)))
    income = book["Pendapatan"]
    income.append(["4.9", "Pendapatan karangan", 1000])  # unknown code
    income.append(["4.2", "Transfer", 1])  # a parent whose children do not add up
    spending = book["Belanja"]
    spending.append(["2.3.09", "Jalan", "RT 1", 1, "m", "TPK", "XYZ", "5.3", 5000])  # unknown source
    spending.append(["2.9.01", "Sub-bidang karangan", "", "", "", "", "DDS", "5.2", 5000])
    spending.append(["2.3.10", "Jembatan", "", "", "", "", "DDS", "5.7", "Rp 1.000"])  # unknown jenis
    spending.append(["2.3.11", "Gorong-gorong", "", "", "", "", "DDS", "5.3", 12.5])  # not whole rupiah
    out = io.BytesIO()
    book.save(out)
    parsed = workbook.read_workbook(out.getvalue())
    found = {(p.sheet, p.column, p.message.split(" ")[0]) for p in parsed.problems}
    messages = " | ".join(str(p) for p in parsed.problems)
    assert "Kode 4.9 tidak dikenal" in messages
    assert "Baris 4.2 berisi Rp 1, tetapi rinciannya berjumlah" in messages
    assert "Sumber dana \u201cXYZ\u201d tidak dikenal" in messages
    assert "Sub-bidang 2.9 tidak dikenal" in messages
    assert "Jenis belanja \u201c5.7\u201d tidak dikenal" in messages
    assert "Rupiah harus bilangan bulat" in messages
    assert "Ringkasan menulis" in messages  # the summary no longer matches the lines
    assert ("Pendapatan", "A", "Kode") in found and ("Belanja", "G", "Sumber") in found


def test_siskeudes_layout_imports_the_same_budget(sebuntal):
    budget = samples.sample_budget(5, 2026)
    parsed = workbook.read_workbook(samples.siskeudes_workbook(budget))
    assert parsed.layout == "siskeudes" and not parsed.problems, parsed.problems
    assert parsed.total_income == budget.total_income
    assert parsed.total_spending == budget.total_spending
    assert [a.code for a in parsed.activities] == [a[0] for a in budget.activities]
    bidang_4 = [a for a in parsed.activities if a.code.startswith("4.")]
    assert bidang_4, "bidang 4 (Pemberdayaan) is read as belanja, not as pendapatan"


def test_export_round_trips_through_the_import(operator_client, sebuntal, operator):
    version, budget = published_budget(sebuntal, operator, seed=7)
    exported = operator_client.get(
        reverse("apbdes_admin:version", args=[version.pk]) + "?format=xlsx"
    ).content
    parsed = workbook.read_workbook(exported)
    assert not parsed.problems, parsed.problems
    with scope(village=sebuntal.pk):
        lines = [(x.code, x.name, x.amount) for x in IncomeLine.objects.filter(version=version)]
        spending = [
            (x.activity.code, x.activity.name, x.activity.location, x.activity.volume, x.activity.unit,
             x.activity.implementer, x.fund_source, x.spending_type, x.amount)
            for x in SpendingLine.objects.filter(version=version).select_related("activity").order_by("activity__position", "position")
        ]  # fmt: skip
    assert [(x.code, x.name, x.amount) for x in parsed.income] == lines
    again = [
        (
            a.code,
            a.name,
            a.location,
            a.volume,
            a.unit,
            a.implementer,
            x.fund_source,
            x.spending_type,
            x.amount,
        )
        for a in parsed.activities
        for x in a.lines
    ]
    assert again == spending
    csv_text = operator_client.get(
        reverse("apbdes_admin:version", args=[version.pk]) + "?format=csv"
    ).content.decode()
    assert csv_text.splitlines()[0].startswith("bagian,kode,uraian")
    assert (
        sum(int(r.split(",")[-3]) for r in csv_text.splitlines()[1:] if r.startswith("belanja"))
        == budget.total_spending
    )


def test_a_correction_needs_a_reason_and_leaves_a_trace(operator_client, sebuntal, operator):
    version, budget = published_budget(sebuntal, operator)
    changed = samples.sample_budget(8, 2025)
    data = samples.fill_template(template_bytes(), changed)
    response = upload(operator_client, sebuntal, data)
    assert response.status_code == 200 and "alasan koreksinya" in response.content.decode()
    response = upload(operator_client, sebuntal, data, correction_reason="Salah ketik ADD")
    operator_client.post(response["Location"])
    with scopes_disabled():
        correction = BudgetVersion.objects.get(number=2)
    assert correction.corrects == version
    operator_client.post(reverse("apbdes_admin:version_publish", args=[correction.pk]))
    with scopes_disabled():
        event = BudgetEvent.objects.get(action="corrected")
        assert event.by == operator and "Salah ketik ADD" in event.summary and "→" in event.summary
        # The published first version is untouched and cannot be deleted.
        assert IncomeLine.objects.filter(version=version).count() == len(budget.income)
    response = operator_client.post(reverse("apbdes_admin:version_delete", args=[version.pk]))
    with scopes_disabled():
        assert BudgetVersion.objects.filter(pk=version.pk).exists()


def test_another_villages_operator_finds_nothing(other_operator_client, sebuntal, operator, santan_ulu):
    version, _budget = published_budget(sebuntal, operator)
    for url in (
        reverse("apbdes_admin:version", args=[version.pk]),
        reverse("apbdes_admin:version", args=[version.pk]) + "?format=xlsx",
    ):
        assert other_operator_client.get(url).status_code == 404
    assert (
        other_operator_client.post(reverse("apbdes_admin:version_delete", args=[version.pk])).status_code
        == 404
    )
    data = samples.fill_template(template_bytes(), samples.sample_budget(1, 2025))
    response = upload(other_operator_client, sebuntal, data)
    assert response.status_code == 200 and "village" in response.context["form"].errors
    assert other_operator_client.get(reverse("apbdes_admin:regency")).status_code == 403
    assert other_operator_client.get(reverse("apbdes_admin:codes")).status_code == 403


def test_the_perdes_and_its_document_are_linked_from_the_village_collection(
    operator_client, sebuntal, santan_ulu, operator
):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from sinergi.core.tests import helpers as h

    version, _budget = published_budget(sebuntal, operator)
    Document = get_document_model()
    own = Document.objects.create(
        title="Perdes APBDes 2025",
        file=ContentFile(h.PDF_BYTES, name="perdes.pdf"),
        collection=sebuntal.collection,
    )
    other = Document.objects.create(
        title="Perdes tetangga",
        file=ContentFile(h.PDF_BYTES, name="lain.pdf"),
        collection=santan_ulu.collection,
    )
    url = reverse("apbdes_admin:version_perdes", args=[version.pk])
    assert "Perdes tetangga" not in operator_client.get(url).content.decode()
    response = operator_client.post(
        url, {"perdes_number": "3 Tahun 2024", "perdes_date": "2024-12-20", "perdes_document": other.pk}
    )
    assert response.status_code == 200  # another village's document is not a choice
    operator_client.post(
        url, {"perdes_number": "3 Tahun 2024", "perdes_date": "2024-12-20", "perdes_document": own.pk}
    )
    body = operator_client.get("/marang-kayu/sebuntal/transparansi/").content.decode()
    assert "Perdes 3 Tahun 2024, 20 Desember 2024" in body and "Dokumen Perdes" in body
