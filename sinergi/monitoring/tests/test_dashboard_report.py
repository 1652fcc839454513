"""The meeting report of one kecamatan (PDF, A4), read back with pypdf."""

import datetime as dt
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from sinergi.monitoring.tests.dashboard_helpers import everything_but, make_score
from sinergi.regions.models import Village

pytestmark = pytest.mark.django_db


def pdf_text(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    return reader, re.sub(r"\s+", " ", "\n".join(page.extract_text() for page in reader.pages))


def test_report_of_marang_kayu_lists_each_village_with_score_band_trend_missing_and_kim(
    client, regency_admin, sebuntal, santan_ulu
):
    today = timezone.localdate()
    make_score(sebuntal, today - dt.timedelta(days=40), {"A.profil_desa": 10})
    make_score(
        sebuntal,
        today,
        everything_but("E.kontak", "F.serta_merta"),
        facts={"kim_reports_submitted_30d": 6, "kim_reports_published_30d": 5, "kim_activities_30d": 3},
    )
    make_score(santan_ulu, today, {"A.profil_desa": 10})
    # A name outside Latin-1 prints as typed (the Unicode TrueType face); a glyph the face lacks (Ŋ) is
    # left out, it does not break the PDF.
    Village.objects.filter(pk=santan_ulu.pk).update(name="Santan Ulu “Lama” – Ŋ")

    client.force_login(regency_admin)
    response = client.get(reverse("monitoring_dashboard:report", args=[sebuntal.district_id]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader, text = pdf_text(response.content)
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width * 25.4 / 72), round(height * 25.4 / 72)) == (210, 297)  # A4
    assert "Kecamatan Marang Kayu" in text
    villages = Village.objects.filter(district=sebuntal.district).count()
    assert f"2 dari {villages} desa sudah dinilai" in text
    sebuntal_part = text.split("Desa Sebuntal", 1)[1].split("Desa Santan Ulu", 1)[0]
    assert "Nilai 85,00 · Menuju Informatif · perubahan sebulan +75,00" in sebuntal_part
    assert "6 laporan dikirim, 5 diterbitkan, 3 kegiatan" in sebuntal_part
    assert "Tren 12 bulan" in sebuntal_part
    assert "1. Kontak kantor desa (+10,00 poin)" in sebuntal_part
    assert "2. Informasi serta-merta (+5,00 poin)" in sebuntal_part
    santan_part = text.split("Desa Santan Ulu “Lama” –", 1)[1]
    assert "Tidak Informatif" in santan_part
    # Five of its six missing items, the largest first.
    assert "5. " in santan_part and "6. " not in santan_part
    assert santan_part.index("Susunan pemerintahan desa") < santan_part.index("Profil PPID desa")
    assert "Belum dinilai." in text  # the other villages of the kecamatan
