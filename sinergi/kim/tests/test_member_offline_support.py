"""What the offline queue relies on: stable labelled elements, the script, the service worker, the headers."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

from sinergi.core.security import PERMISSIONS_POLICY

pytestmark = pytest.mark.django_db


def test_member_pages_carry_the_status_line_the_queue_and_the_script(member_client, member):
    for url in ("/kim/", "/kim/laporan/baru/", "/kim/kegiatan/", "/kim/notifikasi/"):
        html = member_client.get(url).content.decode()
        assert 'id="kim-status"' in html and 'role="status"' in html, url
        assert 'id="kim-queue"' in html, url
        assert re.search(r'<script src="/static/kim/report\.[0-9a-f]+\.js" defer></script>', html), url
        assert f'data-member="{member.pk}"' in html
        assert "Tersimpan di HP, akan dikirim saat ada sinyal" in html  # the text report.js shows
        assert "<script>" not in html and " style=" not in html  # the strict CSP allows neither


def test_the_report_form_tells_the_script_its_limits(member_client):
    html = member_client.get("/kim/laporan/baru/").content.decode()
    form = re.search(r'<form id="kim-report-form"[^>]*>', html).group(0)
    assert 'data-new="1"' in form and 'data-hints-url="/kim/petunjuk/"' in form
    assert 'data-max-photo-bytes="10485760"' in form and 'data-max-request-bytes="110100480"' in form
    assert (
        'id="kim-geo"' in html and "hidden" in html.split('id="kim-geo"')[1][:40]
    )  # shown by the script only


def test_the_service_worker_is_served_under_kim(db):
    response = Client().get("/kim/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/kim/"
    assert response["Cache-Control"] == "no-cache"
    assert b'"/kim/laporan/baru/"' in response.content


def test_the_scripts_exist_and_stay_small():
    for name in ("kim/report.js", "kim/sw.js", "kim/kim.css"):
        path = finders.find(name)
        assert path, name
        assert Path(path).stat().st_size < 20_000, name


def test_geolocation_is_allowed_on_kim_pages_only(member_client):
    assert "geolocation=(self)" in member_client.get("/kim/laporan/baru/")["Permissions-Policy"]
    assert Client().get("/kim/masuk/")["Permissions-Policy"].count("geolocation=(self)") == 1
    assert Client().get("/marang-kayu/sebuntal/")["Permissions-Policy"] == PERMISSIONS_POLICY
    assert "geolocation=()" in PERMISSIONS_POLICY


def test_kim_pages_are_never_page_cached(member_client, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    first = Client().get("/kim/masuk/")
    assert "Cache-Control" not in first or "max-age=300" not in first["Cache-Control"]
