"""`load_kim_demo` gives every Marang Kayu village a KIM with members and reports in every state,
two member accounts that can sign in, and creates nothing more on a second run."""

import io

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.test import RequestFactory
from django.urls import reverse
from django_scopes import scopes_disabled
from wagtail.images import get_image_model

from sinergi.demo.data import DEMO_PASSWORD
from sinergi.demo.kim_content import load_kim_demo
from sinergi.kim.models import Activity, Kim, KimClassification, KimMember, KimSettings, Report, ReportEvent
from sinergi.regions.models import Regency, Village
from sinergi.villages.models import NewsPage

pytestmark = pytest.mark.django_db


def counts():
    with scopes_disabled():
        return (
            Kim.objects.count(),
            KimMember.objects.count(),
            Report.objects.count(),
            ReportEvent.objects.count(),
            Activity.objects.count(),
            NewsPage.objects.count(),
            get_image_model().objects.count(),
            get_user_model().objects.count(),
            KimClassification.objects.count(),
        )


def test_the_kim_demo(client):
    out = io.StringIO()
    load_kim_demo(out)

    villages = Village.objects.filter(district__code="64.02.17")
    assert villages.count() == 11
    with scopes_disabled():
        for village in villages:
            kim = Kim.objects.get(village=village)
            members = list(kim.members.all())
            assert 4 <= len(members) <= 8, village.name
            assert {m.position for m in members} == {"ketua", "sekretaris", "bendahara", "anggota"}
            assert kim.classification.name in {"Pemula", "Madya", "Utama"}
            assert kim.decree_number and kim.decree_date
            states = set(Report.objects.filter(kim=kim).values_list("state", flat=True))
            assert states == set(Report.State.values), village.name
            assert Report.objects.filter(kim=kim, state="submitted", submitted_at__lt=_days_ago(3)).exists()
            revision = ReportEvent.objects.get(
                report__kim=kim, report__state="revision", action="request_revision"
            )
            assert revision.comment and revision.actor
            assert ReportEvent.objects.get(report__kim=kim, action="reject").comment
            published = Report.objects.filter(kim=kim, state="published").select_related(
                "news_page", "author"
            )
            for report in published:
                assert report.news_page.live
                assert report.news_page.credit == f"{kim.name} ({report.author.name})"
                assert report.news_page.image_id and report.news_page.category_id
            assert 3 <= Activity.objects.filter(kim=kim).count() <= 5
            assert Report.objects.filter(kim=kim).exclude(photos=None).exists()

    regency = Regency.objects.get(code="64.02")
    assert KimSettings.for_regency(regency).forbid_civil_servants
    assert set(KimClassification.objects.filter(regency=regency).values_list("name", flat=True)) == {
        "Pemula",
        "Madya",
        "Utama",
    }

    output = out.getvalue()
    assert "kim.sebuntal" in output and "ketua-kim.sebuntal" in output and DEMO_PASSWORD in output

    # Both accounts sign in on the member pages, with their phone number, and belong to Sebuntal's KIM.
    with scopes_disabled():
        accounts = {
            m.user.username: m
            for m in KimMember.objects.filter(
                kim__village__code="64.02.17.2001", user__isnull=False
            ).select_related("user")
        }
    assert accounts["ketua-kim.sebuntal"].position == "ketua"
    assert accounts["kim.sebuntal"].position == "anggota"
    for username, member in accounts.items():
        request = RequestFactory().post("/kim/masuk/")
        assert authenticate(request, username=username, password=DEMO_PASSWORD) == member.user
        response = client.post(reverse("kim:login"), {"username": member.phone, "password": DEMO_PASSWORD})
        assert response.status_code == 302, username
        assert client.get(reverse("kim:home")).status_code == 200
        client.post(reverse("kim:logout"))
        # As printed first: the username at /kim/masuk/, like every other demo account at /admin/.
        printed = output[output.index(f"  {username}\n") :]
        assert printed.index(f"/kim/masuk/ dengan nama pengguna {username}") < printed.index(DEMO_PASSWORD)
        response = client.post(reverse("kim:login"), {"username": username, "password": DEMO_PASSWORD})
        assert response.status_code == 302, username
        client.post(reverse("kim:logout"))
    with scopes_disabled():
        # Demo activities are reviewed as a village would: some shown, one waiting for the operator.
        reviews = set(Activity.objects.values_list("review", flat=True))
    assert reviews == {Activity.Review.PUBLIC, Activity.Review.PENDING}

    before = counts()
    second = io.StringIO()
    load_kim_demo(second)
    assert counts() == before
    assert "tidak ada yang diubah" in second.getvalue()


def _days_ago(days):
    import datetime as dt

    from django.utils import timezone

    return timezone.now() - dt.timedelta(days=days)
