"""The public site's Jinja2 templates (sinergi/core/jinja.py) print what Django's engine printed."""

import datetime as dt
from decimal import Decimal

import pytest
from django.template import engines
from django.test import RequestFactory
from django.utils import timezone, translation


def render(source, **context):
    return engines["jinja2"].from_string(source).render(context, RequestFactory().get("/"))


def test_every_public_template_compiles():
    env = engines["jinja2"].env
    names = list(env.list_templates(extensions=["html", "xml", "txt"]))
    assert "base.html" in names and "villages/village_home_page.html" in names
    for name in names:
        env.get_template(name)  # a syntax error anywhere fails here, not on a page nobody tested


def test_numbers_and_dates_are_printed_as_django_prints_them_in_indonesian():
    moment = dt.datetime(2026, 12, 7, 11, 30, tzinfo=dt.UTC)  # 19.30 in Tenggarong (WITA)
    with translation.override("id"), timezone.override("Asia/Makassar"):
        assert render("{{ n }}", n=27.3) == "27,3"
        assert render("{{ n }}", n=Decimal("1.50")) == "1,50"
        assert render("{{ when|date('c') }}", when=moment) == "2026-12-07T19:30:00+08:00"
        assert render("{{ when|date('j F Y H:i') }}", when=moment) == "7 Desember 2026 19:30"
        assert render("{% trans n=n %}{{ n }} hari kerja{% endtrans %}", n=27.3) == "27,3 hari kerja"
        assert render("{{ flag }}", flag=True) == "True"


def test_missing_values_are_empty_and_django_s_default_applies_to_any_false_value():
    assert render("[{{ nothing }}][{{ nothing.title }}][{{ nothing.a.b }}]") == "[][][]"
    assert render("{{ empty|default('Sinergi') }}", empty="") == "Sinergi"
    assert (
        render("{{ zero|default_if_none('-') }}|{{ none|default_if_none('-') }}", zero=0, none=None) == "0|-"
    )


def test_text_with_values_escapes_the_values_not_the_template_s_own_markup():
    source = "{% trans name=name %}Kantor <b>{{ name }}</b>{% endtrans %} · {{ _('Pengaduan & aspirasi') }}"
    assert render(source, name="<script>x</script>") == (
        "Kantor <b>&lt;script&gt;x&lt;/script&gt;</b> · Pengaduan & aspirasi"
    )


def test_plurals_and_translations_come_from_django_s_catalogues():
    plural = "{% trans n=n %}{{ n }} foto{% pluralize n %}{{ n }} foto{% endtrans %}"
    assert render(plural, n=1) == "1 foto" and render(plural, n=3) == "3 foto"
    with translation.override("id"):
        assert render("{{ _('Back') }}") == "Kembali"  # Sinergi's catalogue (Wagtail's admin words)


def test_a_text_is_translated_into_the_language_of_each_request_not_the_first_one_seen():
    # Texts are looked up once per process and language: the second language must not get the first's.
    for _round in range(2):
        with translation.override("id"):
            assert render("{{ _('Back') }} {% trans %}Back{% endtrans %}") == "Kembali Kembali"
        with translation.override("en"):
            assert render("{{ _('Back') }} {% trans %}Back{% endtrans %}") == "Back Back"


def test_a_text_follows_the_language_active_at_render_with_or_without_a_request():
    # The language is read once per render (a context processor) when there is a request; a template
    # rendered without one (an e-mail) reads the active language for each text.
    template = engines["jinja2"].from_string("{{ _('Back') }}|{% trans %}Back{% endtrans %}")
    request = RequestFactory().get("/")
    for language, expected in (("en", "Back|Back"), ("id", "Kembali|Kembali"), ("en", "Back|Back")):
        with translation.override(language):
            assert template.render({}, request) == expected
            assert template.render({}) == expected


class _Case:
    def get_state_display(self):
        return "Diterima"


def test_a_method_printed_without_calling_it_is_an_error_not_text_on_the_page():
    assert render("{{ case.get_state_display() }}", case=_Case()) == "Diterima"
    with pytest.raises(TypeError, match="call it"):
        render("{{ case.get_state_display }}", case=_Case())
