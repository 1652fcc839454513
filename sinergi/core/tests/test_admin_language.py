"""The admin speaks Indonesian to operators (issue 14): the committed catalogue is compiled from its
.po, and the sign-in page and the operator's dashboard show no English and no Wagtail branding."""

import ast
import gettext
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

CATALOGUE = Path(settings.BASE_DIR) / "sinergi" / "locale" / "id_ID" / "LC_MESSAGES"
LOGIN_ENGLISH = ("Sign in", "Password", "Forgotten password?", "Remember me", "Wagtail", "Username")


def po_entries(path: Path) -> dict[str, str]:
    """msgid → msgstr (the first form for plurals), read from a .po file."""
    entries, current, key = {}, None, None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("msgid "):
            current, key = {"msgid": ast.literal_eval(line[6:]), "msgstr": ""}, "msgid"
        elif line.startswith("msgid_plural "):
            key = "plural"
        elif line.startswith(("msgstr ", "msgstr[0] ")):
            key = "msgstr"
            current["msgstr"] = ast.literal_eval(line.split(" ", 1)[1])
            entries[current["msgid"]] = current["msgstr"]
        elif line.startswith('"') and current is not None and key in ("msgid", "msgstr"):
            current[key] += ast.literal_eval(line)
            if key == "msgstr":
                entries[current["msgid"]] = current["msgstr"]
    entries.pop("", None)
    return entries


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_the_committed_catalogue_holds_every_translation_of_its_po(domain):
    entries = po_entries(CATALOGUE / f"{domain}.po")
    with open(CATALOGUE / f"{domain}.mo", "rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)

    stale = {msgid: text for msgid, text in entries.items() if catalogue.gettext(msgid) != text}

    assert entries and not stale, f"run `make messages`: {sorted(stale)[:5]}"


@pytest.mark.django_db
def test_the_admin_sign_in_page_is_indonesian_and_branded_sinergi(regency):
    html = Client().get(reverse("wagtailadmin_login")).content.decode()

    assert "Masuk ke Sinergi" in html and f"Sinergi · {regency.name}" in html
    assert "Kata sandi" in html and "Lupa kata sandi?" in html and "Ingat saya" in html
    visible = html.split("<body", 1)[1]
    for english in LOGIN_ENGLISH:
        assert f">{english}<" not in visible and f"> {english}" not in visible, english
    assert "Masuk ke Wagtail" not in html


@pytest.mark.django_db
def test_a_village_operators_dashboard_is_titled_with_their_village(operator):
    client = Client()
    client.force_login(operator)

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Dasbor Desa Sebuntal" in html
    assert ">Laporan<" in html or '"Laporan"' in html  # the "Reports" menu, in Indonesian
    assert '"Reports"' not in html and '"Help"' not in html
