"""The demo loader never runs on a production instance: it would create accounts with the published
demo password and point the default Site at 127.0.0.1."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django_scopes import scopes_disabled
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from sinergi.demo.content import DemoError
from sinergi.demo.kim_content import load_kim_demo
from sinergi.kim.models import Kim

pytestmark = pytest.mark.django_db


def _state():
    site = Site.objects.get(is_default_site=True)
    with scopes_disabled():
        kims = Kim.objects.count()
    return (
        get_user_model().objects.count(),
        Page.objects.count(),
        get_image_model().objects.count(),
        kims,
        site.hostname,
        site.port,
    )


def test_load_demo_refuses_to_run_in_production_and_writes_nothing(settings):
    settings.SINERGI_PRODUCTION = True
    before = _state()
    out = StringIO()
    with pytest.raises(CommandError, match="mode produksi"):
        call_command("load_demo", stdout=out)
    assert _state() == before
    assert "sinergi-demo" not in out.getvalue()  # the demo password is not even printed


def test_the_kim_demo_refuses_to_run_in_production(settings):
    settings.SINERGI_PRODUCTION = True
    before = _state()
    with pytest.raises(DemoError, match="SINERGI_PRODUCTION=1"):
        load_kim_demo(StringIO())
    assert _state() == before
