"""Realisation reports (Pasal 72), the regency's view across villages, and the code tables as data."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_scopes import scope, scopes_disabled
from openpyxl import load_workbook

from sinergi.finance import samples, workbook
from sinergi.finance.models import BudgetCode, BudgetEvent, Realisation
from sinergi.finance.tests.helpers import published_budget, template_bytes

pytestmark = pytest.mark.django_db


def upload_realisation(client, village, data, target="akhir_tahun", **extra):
    fields = {
        "village": village.pk,
        "year": 2025,
        "target": target,
        "file": SimpleUploadedFile("r.xlsx", data),
        **extra,
    }
    return client.post(reverse("apbdes_admin:import"), fields)


def test_realisation_needs_a_published_budget(operator_client, sebuntal):
    data = samples.fill_realisation(template_bytes(), samples.sample_budget(1, 2025))
    response = upload_realisation(operator_client, sebuntal, data)
    assert response.status_code == 200
    assert "Belum ada APBDes 2025 yang diterbitkan" in response.content.decode()


def test_realisation_import_checks_codes_and_amounts_then_publishes(operator_client, sebuntal, operator):
    _version, budget = published_budget(sebuntal, operator, seed=3)
    book = load_workbook(io.BytesIO(samples.fill_realisation(template_bytes(), budget)))
    sheet = book["Realisasi"]
    sheet.append(["Belanja", "2.3.99", "Kegiatan yang tidak ada", 0, 1000, "Selesai"])
    sheet.append(["Belanja", "1.1.02", "lagi", 0, 1000, "Selesai"])  # duplicate
    sheet.append(["Lainnya", "4.2.1", "", 0, 5, ""])
    first_spending_row = 2 + len(budget.income)
    sheet.cell(first_spending_row, 5).value = 10**12  # more than the kegiatan's budget
    out = io.BytesIO()
    book.save(out)
    preview = operator_client.get(upload_realisation(operator_client, sebuntal, out.getvalue())["Location"])
    body = preview.content.decode()
    assert "Kode 2.3.99 tidak ada di APBDes 2025" in body
    assert "sudah ada di baris" in body
    assert "Bagian harus Pendapatan, Belanja atau Pembiayaan" in body
    assert "melebihi anggaran kegiatan" in body

    good = samples.fill_realisation(template_bytes(), budget)
    preview_url = upload_realisation(operator_client, sebuntal, good)["Location"]
    response = operator_client.post(preview_url)
    with scopes_disabled():
        realisation = Realisation.objects.get()
    assert response["Location"] == reverse("apbdes_admin:realisation", args=[realisation.pk])
    assert operator_client.get(response["Location"]).status_code == 200
    operator_client.post(reverse("apbdes_admin:realisation_publish", args=[realisation.pk]))
    with scopes_disabled():
        assert BudgetEvent.objects.filter(action="realisation", realisation=realisation).exists()
    body = operator_client.get("/marang-kayu/sebuntal/transparansi/").content.decode()
    assert "Realisasi Akhir tahun" in body


def test_regency_view_lists_publication_totals_and_late_villages(
    client, regency_admin, sebuntal, santan_ulu, operator
):
    published_budget(sebuntal, operator, seed=1, year=2025, realisation=True)
    client.force_login(regency_admin)
    url = reverse("apbdes_admin:regency") + "?tahun=2025"
    response = client.get(url)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Sebuntal" in body and "Santan Ulu" in body
    assert "1 dari" in body  # one village has published
    assert "Terlambat menerbitkan" in body  # the others, after 31 January 2025
    assert response.context["total"]["spending"] == sum(r["spending"] for r in response.context["rows"]) > 0
    assert "Bidang 5" in body  # belanja per bidang per kecamatan
    assert response.context["rows"][0]["village"].district.name  # sorted rows carry their kecamatan
    sorted_rows = client.get(url + "&sort=-belanja").context["rows"]
    assert sorted_rows[0]["village"] == sebuntal
    xlsx = client.get(url + "&format=xlsx")
    book = load_workbook(io.BytesIO(xlsx.content))
    assert {"Desa 2025", "Kecamatan"} <= set(book.sheetnames)

    # A fixed number of queries whatever the number of villages that published.
    with CaptureQueriesContext(connection) as few:
        client.get(url + "&format=xlsx")
    published_budget(santan_ulu, operator, seed=2, year=2025)
    with CaptureQueriesContext(connection) as more:
        client.get(url + "&format=xlsx")
    assert len(few) == len(more)


def test_the_regency_admin_edits_the_code_tables(client, regency_admin, sebuntal):
    client.force_login(regency_admin)
    assert "Permendagri 20/2018, Lampiran" in client.get(reverse("apbdes_admin:codes")).content.decode()
    code = BudgetCode.objects.get(kind="pendapatan", code="4.3")
    response = client.post(
        reverse("apbdes_admin:code_edit", args=[code.pk]),
        {
            "kind": "bidang",
            "code": "9",
            "name": "Lain-lain Pendapatan Desa yang Sah",
            "source": code.source,
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    code.refresh_from_db()
    assert (code.kind, code.code, code.name) == ("pendapatan", "4.3", "Lain-lain Pendapatan Desa yang Sah")
    client.post(
        reverse("apbdes_admin:code_create"),
        {
            "kind": "pendapatan",
            "code": "4.3.1",
            "name": "Hibah pihak ketiga",
            "source": "Perbup (perlu dicek)",
            "is_active": "on",
        },
    )
    with scope(village=sebuntal.pk):
        book = load_workbook(io.BytesIO(template_bytes()))
    book["Pendapatan"].append(["4.3.1", "Hibah", 5_000_000])
    out = io.BytesIO()
    book.save(out)
    assert not [p for p in workbook.read_workbook(out.getvalue()).problems if "4.3.1" in p.message]
