"""The regency admin keeps the holiday table, the spam terms and the office hours in the admin."""

import datetime

from django.urls import reverse
from django.utils import timezone
from lokal import holidays as lokal_holidays

from sinergi.casework.calendar import WorkingCalendar
from sinergi.casework.models import Holiday, SpamTerm


def test_regency_admin_adds_a_regional_holiday_and_deadlines_move(client, regency_admin, regency):
    client.force_login(regency_admin)
    assert client.get(reverse("casework_holidays:index")).status_code == 200
    response = client.post(
        reverse("casework_holidays:add"),
        {
            "regency": regency.pk,
            "date": "2026-11-04",
            "name": "Hari jadi uji",
            "kind": "daerah",
            "source": "SK Bupati",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Holiday.objects.get(regency=regency).name == "Hari jadi uji"
    received = datetime.datetime(2026, 11, 2, 1, tzinfo=datetime.UTC)  # 09:00 WITA
    assert WorkingCalendar(regency).deadline(received, 10).date == datetime.date(2026, 11, 17)


def test_regency_admin_edits_the_spam_terms(client, regency_admin):
    client.force_login(regency_admin)
    response = client.post(reverse("casework_spam_terms:add"), {"term": "sabungayam"})
    assert response.status_code == 302
    assert SpamTerm.objects.filter(term="sabungayam").exists()
    listing = client.get(reverse("casework_spam_terms:index"), {"q": "gacor"}).content.decode()
    assert "gacor" in listing


def test_a_village_operator_reaches_none_of_the_regency_rules(operator_client, regency):
    holiday = Holiday.objects.create(regency=regency, date=datetime.date(2026, 9, 28), name="Hari jadi")
    for url in (
        reverse("casework_holidays:index"),
        reverse("casework_holidays:add"),
        reverse("casework_holidays:edit", args=[holiday.pk]),
        reverse("casework_spam_terms:index"),
        reverse("casework_service_settings:index"),
    ):
        response = operator_client.get(url)
        assert response.status_code in (302, 403), url
    response = operator_client.post(
        reverse("casework_holidays:edit", args=[holiday.pk]),
        {"regency": regency.pk, "date": "2026-09-29", "name": "Diubah", "kind": "daerah"},
    )
    holiday.refresh_from_db()
    assert holiday.name == "Hari jadi"


def test_the_regency_admin_home_says_which_year_s_holidays_are_missing(client, regency_admin, monkeypatch):
    client.force_login(regency_admin)
    this_year = timezone.localdate().year
    # As if the installed lokal-id knew only this year's SKB 3 Menteri.
    monkeypatch.setattr(lokal_holidays, "HOLIDAY_YEARS", (this_year,))
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Kalender hari kerja" in home and f"<strong>{this_year + 1}</strong>" in home
    Holiday.objects.create(date=datetime.date(this_year + 1, 1, 1), name="Tahun Baru", kind="nasional")
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Kalender hari kerja" not in home


def test_an_operator_home_has_no_calendar_panel(operator_client, monkeypatch):
    monkeypatch.setattr(lokal_holidays, "HOLIDAY_YEARS", ())
    assert "Kalender hari kerja" not in operator_client.get(reverse("wagtailadmin_home")).content.decode()
