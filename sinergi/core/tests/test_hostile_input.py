"""Hostile text in every publicly shown text field stays text: nothing runs, nothing breaks out.

The fields are discovered, not listed: every CharField/TextField (no choices, no slug, e-mail or URL)
of every page model of sinergi.villages and sinergi.portal, and of the inline child models hanging
off them by a ParentalKey (officials, BPD members, institutions, news categories, gallery captions,
...). Values respect max_length (truncated) and the field's validators: a value the admin would
refuse is not stored (FIELDS_REFUSING_TEXT says which field refuses what). Rich-text fields get what
the admin's own Draftail converter makes of a submission: the hostile text as typed, plus a link to
`javascript:alert(1)` where the field allows links.

Every field value starts with its own token (T001X ...), so each field is found where it is shown.
For each hostile string, every page type gets one published page in Desa Sebuntal (or the portal),
and every public page of Sebuntal and of the portal is rendered (plus the news category view, the
news RSS feed and the search page) and checked: no raw hostile markup, no inline script, no on*
attribute, no javascript: URL, and for every field that is displayed the escaped text is there.
"""

import datetime as dt
import html
import json
import re
from html.parser import HTMLParser

import markupsafe
import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.test import Client
from django.utils import timezone
from django.utils.html import escape
from modelcluster.fields import ParentalKey
from wagtail.admin.rich_text import get_rich_text_editor_widget
from wagtail.fields import RichTextField
from wagtail.models import Page

from sinergi.core.tests.factories import make_image, make_news
from sinergi.core.text import CONTROL, INVISIBLE, without_invisible
from sinergi.portal.models import PortalPage
from sinergi.regions.models import RegencyIdentity

pytestmark = pytest.mark.django_db

LONG = ("Musyawarah desa membahas rencana kerja pemerintah desa. " * 100)[:4975] + "<script>alert(9)</script>"
HOSTILE = {
    "script": "<script>alert('xss')</script>",
    "img-onerror": '"><img src=x onerror=alert(1)>',
    "attr-breakout": "' onmouseover='alert(1)' x='",
    "javascript-link": '<a href="javascript:alert(1)">klik</a> javascript:alert(1)',
    "broken-markup": "<b><i>unclosed <div><table><tr><td>sel",
    "rtl-override": "Desa \u202eexe.gnp\u202c \u2066Sebuntal\u2069\u200f\u200b\x07",
    "unicode-mix": "Désa Ñusantara — 東京 🌾 \u200bnol\u200dlebar ﷽ ي",
    "long": LONG,
}
APPS = ("villages", "portal", "ppid")
EXCLUDED_TYPES = (models.SlugField, models.EmailField, models.URLField)
INTERNAL = {"path", "url_path", "draft_title", "slug", "translation_key", "latest_revision_created_at"}
# Fields that are stored and used, but not shown on a public page; each with the reason.
NOT_SHOWN = {
    "villages.VillageHomePage.alternative_names": "other spellings, used only by the search index",
}
# Fields whose validators refuse free text, so the admin could never store the hostile value.
FIELDS_REFUSING_TEXT = {
    "villages.VillageHomePage.primary_colour": "must be a dark hex colour (validate_brand_colour)",
    "villages.VillageHomePage.phone": "must be an Indonesian phone number (validate_phone_number)",
    "villages.VillageHomePage.whatsapp": "must be an Indonesian phone number (validate_phone_number)",
    "villages.PotentialPage.seller_phone": "must be an Indonesian phone number (validate_phone_number)",
}


# --------------------------------------------------------------------------- discovery


def _text_fields(model) -> list:
    fields = []
    for f in model._meta.get_fields():
        if not isinstance(f, models.CharField | models.TextField) or isinstance(f, EXCLUDED_TYPES):
            continue
        if f.choices or not f.editable or f.name in INTERNAL or f.auto_created:
            continue
        fields.append(f)
    return fields


def page_models() -> list:
    return [
        m
        for label in APPS
        for m in apps.get_app_config(label).get_models()
        if issubclass(m, Page) and not m._meta.abstract
    ]


def child_relations(model) -> list:
    """(accessor, child model) of the inline models attached by a ParentalKey."""
    return [
        (rel.get_accessor_name(), rel.related_model)
        for rel in model._meta.related_objects
        if isinstance(rel.remote_field, ParentalKey)
        and rel.related_model._meta.app_label in APPS  # not Wagtail's own (comments)
        and _text_fields(rel.related_model)
    ]


def field_id(field) -> str:
    return f"{field.model._meta.app_label}.{field.model.__name__}.{field.name}"


# --------------------------------------------------------------------------- values


class Tokens:
    def __init__(self):
        self.by_field: dict[str, str] = {}

    def __call__(self, field) -> str:
        key = field_id(field)
        if key not in self.by_field:
            self.by_field[key] = f"T{len(self.by_field) + 1:03d}X"
        return self.by_field[key]


def plain_value(field, token: str, hostile: str) -> str | None:
    value = f"{token} {hostile}"
    if field.max_length:
        value = value[: field.max_length]
    try:
        for validator in field.validators:
            validator(value)
    except ValidationError:
        return None
    return value


def shown_as(field, value: str) -> str:
    """Single-line fields lose bidi overrides and other invisible characters when saved."""
    if isinstance(field, models.CharField):
        return without_invisible(value)
    return CONTROL.sub("", value)  # multi-line text keeps bidi marks, loses control characters


def rich_text_value(field, token: str, hostile: str) -> str:
    """What the admin stores when an editor types `token hostile klik` and links "klik" to javascript:."""
    text = f"{token} {hostile} klik"
    link = {"offset": len(text) - 4, "length": 4, "key": 0}  # a field without links drops it, word and all
    contentstate = {
        "blocks": [
            {
                "key": "a1b2c",
                "type": "unstyled",
                "depth": 0,
                "text": text,
                "inlineStyleRanges": [{"offset": 0, "length": len(token), "style": "BOLD"}],
                "entityRanges": [link],
                "data": {},
            }
        ],
        "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "javascript:alert(1)"}}},
    }
    widget = get_rich_text_editor_widget(features=getattr(field, "features", None))
    return widget.converter.to_database_format(json.dumps(contentstate))


def required_default(field):
    """A valid value for a required non-text field when a page has to be created."""
    if isinstance(field, models.DateTimeField):
        return timezone.now() + dt.timedelta(days=2)
    if isinstance(field, models.DateField):
        return timezone.localdate()
    if isinstance(field, models.IntegerField):
        return 2024
    if field.choices:
        return field.choices[0][0]
    return None


# --------------------------------------------------------------------------- pages


def _instance(model, village, portal):
    """The page of `model` in Sebuntal (or the portal), created under an allowed parent if missing."""
    scope = portal if model in (PortalPage,) else village.page
    existing = (
        model.objects.filter(path__startswith=scope.path).first()
        or model.objects.filter(path__startswith=portal.path).first()
    )
    if existing:
        return existing
    parent_models = model.allowed_parent_page_models()
    parent = (
        Page.objects.filter(path__startswith=village.page.path).type(*parent_models).order_by("depth").first()
    )
    page = model(title="Halaman uji", slug=f"uji-{model._meta.model_name}")
    for f in model._meta.concrete_fields:
        if f.blank or f.has_default() or f.null:
            continue
        if isinstance(f, RichTextField):
            setattr(page, f.attname, "<p>Isi.</p>")
        elif isinstance(f, models.CharField | models.TextField) and not f.choices:
            setattr(page, f.attname, "Isi")
        elif (value := required_default(f)) is not None:
            setattr(page, f.attname, value)
    parent.specific.add_child(instance=page)
    return page


def fill_plain_text(obj, tokens: Tokens, hostile: str, stored: dict):
    """Every plain-text field of `obj` that takes free text: its token and the hostile text."""
    for f in _text_fields(type(obj)):
        token = tokens(f)
        value = plain_value(f, token, hostile)
        if value is None:
            continue
        setattr(obj, f.name, value)
        stored[field_id(f)] = (token, shown_as(f, value), False)


def fill(page, tokens: Tokens, hostile: str, image, stored: dict):
    page = page.specific
    for f in _text_fields(type(page)):
        token = tokens(f)
        if isinstance(f, RichTextField):
            value = rich_text_value(f, token, hostile)
        else:
            value = plain_value(f, token, hostile)
        if value is None:
            continue
        setattr(page, f.name, value)
        stored[field_id(f)] = (token, shown_as(f, value), isinstance(f, RichTextField))
    for f in type(page)._meta.concrete_fields:
        if f.is_relation and f.related_model is type(image):
            setattr(page, f.name, image)  # banner, logo, photos: their captions and alt texts show too
    for accessor, child_model in child_relations(type(page)):
        child = child_model()
        fill_plain_text(child, tokens, hostile, stored)
        for f in child_model._meta.concrete_fields:
            if f.is_relation and not f.null and not isinstance(f, ParentalKey):
                setattr(child, f.name, image)  # the only required relation of an inline: a photo
            elif f.choices and not f.has_default():
                setattr(child, f.name, f.choices[0][0])
            elif isinstance(f, models.SlugField) and not f.blank:
                setattr(child, f.name, f"uji-{child_model._meta.model_name}")
        setattr(page, accessor, [child])
    page.save_revision().publish()
    return page


def fill_identity(regency, tokens: Tokens, hostile: str, image, stored: dict):
    """The regency's identity (Diskominfo's office, address...), shown in the footer of every page."""
    identity, _created = RegencyIdentity.objects.get_or_create(regency=regency)
    fill_plain_text(identity, tokens, hostile, stored)
    identity.crest = image
    identity.save()
    return identity


# --------------------------------------------------------------------------- checks


class Inspector(HTMLParser):
    URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…> event-handler attribute")
            compact = "".join((value or "").split()).lower()
            if name in self.URL_ATTRIBUTES and compact.startswith(("javascript:", "vbscript:", "data:text")):
                self.problems.append(f'<{tag} {name}="{value[:40]}"> script URL')
        if tag == "script" and not dict(attrs).get("src"):
            self.problems.append("inline <script>")


def inspect(markup: str, hostile: str) -> list[str]:
    parser = Inspector()
    parser.feed(markup)
    problems = parser.problems
    if "<" in hostile:
        # The raw markup of the input, or any tag of it, must never reach the page.
        for fragment in ("<script", "<img src=x", '<a href="javascript', "<b><i>unclosed", "<div><table>"):
            if fragment in hostile and fragment in markup:
                problems.append(f"raw {fragment!r} from the input")
    return problems


def public_urls(village, portal) -> list[str]:
    pages = Page.objects.live().filter(path__startswith=village.page.path).specific()
    urls = [p.url for p in pages]
    urls += [portal.url]
    urls += [p.url for p in Page.objects.live().child_of(portal).specific()]
    news_index = village.page.get_children().live().filter(slug="berita").first().specific
    category = news_index.categories.first()
    urls += [f"{news_index.url}kategori/{category.slug}/", f"{news_index.url}rss/"]
    urls += [f"{village.page.url}cari/?q=T001X", f"{portal.url}cari/?q=T001X"]
    ppid = village.page.get_children().live().filter(slug="ppid").first()
    urls += [f"{ppid.url}dip/"]  # the DIP (its own fields: sinergi/ppid/tests/test_dip_hostile.py)
    return urls


# --------------------------------------------------------------------------- tests


def test_discovery_finds_the_fields_the_brief_names():
    found = {field_id(f) for m in page_models() for f in _text_fields(m)}
    found |= {field_id(f) for m in page_models() for _a, c in child_relations(m) for f in _text_fields(c)}
    for expected in (
        "villages.VillageHomePage.tagline",
        "villages.VillageHomePage.welcome_text",
        "villages.NewsPage.intro",
        "villages.NewsPage.body",
        "villages.Official.name",
        "villages.BpdMember.position",
        "villages.Institution.description",
        "villages.NewsCategory.name",
        "villages.GalleryPhoto.caption",
        "villages.LegalDocumentPage.about",
        "villages.AgendaPage.place",
        "portal.PortalPage.intro",
    ):
        assert expected in found, expected
    assert "villages.NewsCategory.slug" not in found
    assert "villages.PotentialPage.kind" not in found  # choices


def test_the_inspector_catches_what_it_looks_for():
    """Positive control for the checks below."""
    page = '<p><img src=x onerror=alert(1)><a href=" javascript:alert(1)">x</a><script>alert(1)</script></p>'
    problems = inspect(page, "<script>alert(1)</script>")
    assert any("onerror" in p for p in problems)
    assert any("script URL" in p for p in problems)
    assert any("inline <script>" in p for p in problems)
    assert any("raw '<script'" in p for p in problems)
    assert not inspect("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", "<script>alert(1)</script>")


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_text_is_inert_on_every_public_page(name, sebuntal):
    hostile = HOSTILE[name]
    portal = PortalPage.objects.get(pk=sebuntal.district.regency.page_id)
    image = make_image(sebuntal.collection, title="Foto galeri")
    tokens, stored = Tokens(), {}
    for model in page_models():
        fill(_instance(model, sebuntal, portal), tokens, hostile, image, stored)
    fill_identity(sebuntal.district.regency, tokens, hostile, image, stored)

    client = Client()
    rendered, problems = {}, []
    for url in public_urls(sebuntal, portal):
        response = client.get(url)
        assert response.status_code == 200, f"{url} -> {response.status_code}"
        body = response.content.decode()
        rendered[url] = body
        is_feed = response["Content-Type"].startswith(("application/rss", "application/xml", "text/xml"))
        for problem in [] if is_feed else inspect(body, hostile):
            problems.append(f"{url}: {problem}")
        if is_feed and "<" in hostile and hostile in body:
            problems.append(f"{url}: raw hostile text in the feed")

    everything = "\n".join(rendered.values())
    shown, missing_escape = set(), []
    for key, (token, value, is_rich) in stored.items():
        if token not in everything:
            continue
        shown.add(key)
        if is_rich:
            continue  # rich text is HTML by nature; the inspector above checks it
        # The start of the value, as text: escaped once (not double-escaped, not raw), as Django's
        # engine escapes (the admin) or as Jinja2's does (the public pages: &#39; for &#x27;).
        head = value[: len(token) + 24]
        expected = escape(head)
        if INVISIBLE.search(value) is None:
            # A single-line field: no override may follow its token on any page ("exe.png" spoofing).
            for start in (m.end() for m in re.finditer(token, everything)):
                if INVISIBLE.search(everything[start : start + len(value)]):
                    missing_escape.append(f"{key}: invisible character shown after {token}")
                    break
        if all(
            form not in everything
            for form in (expected, markupsafe.escape(head), html.escape(head, quote=False))
        ):
            missing_escape.append(f"{key}: {expected!r} not found where {token} is shown")
    not_shown = set(stored) - shown - set(NOT_SHOWN)

    assert not problems, f"{len(problems)} problem(s) with {name!r}:\n" + "\n".join(problems)
    assert not missing_escape, "\n".join(missing_escape)
    assert not shown & set(NOT_SHOWN), (
        f"NOT_SHOWN is stale, these are shown: {sorted(shown & set(NOT_SHOWN))}"
    )
    assert not not_shown, (
        f"fields never shown on a public page (add to NOT_SHOWN with a reason?): {sorted(not_shown)}"
    )
    refused = {
        field_id(f)
        for m in page_models()
        for f in _text_fields(m)
        if field_id(f) not in stored and not isinstance(f, RichTextField)
    }
    assert refused <= set(FIELDS_REFUSING_TEXT), sorted(refused - set(FIELDS_REFUSING_TEXT))


# --------------------------------------------------------------------------- search boxes

# What people type into a search box by accident or on purpose: FTS5 syntax, SQL quoting, NUL.
HOSTILE_SEARCHES = {
    "quote": '"',
    "open-quote": '"abc',
    "odd-quotes": 'a"b"c"',
    "star": "*",
    "near": "NEAR(",
    "minus": "-",
    "operators": "AND OR NOT",
    "apostrophe": "'",
    "backslash": "\\",
    "paren": ")",
    "long": "balai " * 1000,
    "nul": "balai\x00desa",
    "rtl-override": "\u202egnp.exe",
    "column-filter": "title:balai {body}: ^desa",
}


def search_urls(village, portal) -> list[str]:
    """Every search box a visitor or an operator can type into (public pages, admin listings, choosers)."""
    return [
        f"{village.page.url}cari/",
        f"{portal.url}cari/",
        "/admin/pages/search/",
        f"/admin/pages/{village.page.pk}/",
        "/admin/choose-page/search/",
        "/admin/images/",
        "/admin/images/chooser/results/",
        "/admin/documents/",
        "/admin/documents/chooser/results/",
    ]


@pytest.mark.parametrize("name", list(HOSTILE_SEARCHES))
def test_hostile_search_text_answers_a_page_not_a_server_error(name, client, sebuntal, regency_admin):
    portal = PortalPage.objects.get(pk=sebuntal.district.regency.page_id)
    make_news(sebuntal, "Rapat di balai desa")
    make_image(sebuntal.collection, title="Balai desa")
    client.force_login(regency_admin)
    failures = []
    for url in search_urls(sebuntal, portal):
        response = client.get(url, {"q": HOSTILE_SEARCHES[name]})
        if response.status_code != 200:
            failures.append(f"{url} -> {response.status_code}")
    assert not failures, failures


def test_a_quoted_phrase_still_finds_the_page(client, sebuntal):
    make_news(sebuntal, "Rapat di balai desa")
    make_news(sebuntal, "Desa membangun balai baru")
    response = client.get(f"{sebuntal.page.url}cari/", {"q": '"balai desa"'})
    assert response.status_code == 200
    assert "Rapat di balai desa" in response.content.decode()
    assert "Desa membangun balai baru" not in response.content.decode()  # a phrase, not two words


# --------------------------------------------------------------------------- APBDes workbooks

# Every text an operator types into an APBDes workbook, and the reason a form field is typed: each is
# shown on the public Transparansi page, the operator's preview and version pages, and the poster.
APBDES_TEXTS = ("income name", "kegiatan name", "location", "unit", "implementer", "financing name", "note")


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_text_in_an_apbdes_workbook_is_inert(name, client, sebuntal, operator):
    import io

    from django_scopes import scope
    from openpyxl import load_workbook

    from sinergi.finance import samples, services
    from sinergi.finance.tests.helpers import import_workbook, template_bytes

    hostile = CONTROL.sub("", HOSTILE[name])  # a workbook cannot hold control characters at all
    tokens = {field: f"A{n:02d}X" for n, field in enumerate(APBDES_TEXTS)}
    budget = samples.sample_budget(1, 2025)
    budget.income[0] = ("4.1.1", f"{tokens['income name']} {hostile}"[:255], budget.income[0][2])
    code, _n, _p, volume, _u, _i, split = budget.activities[0]
    budget.activities[0] = (
        code,
        f"{tokens['kegiatan name']} {hostile}"[:255],
        f"{tokens['location']} {hostile}"[:255],
        volume,
        f"{tokens['unit']} {hostile}"[:50],
        f"{tokens['implementer']} {hostile}"[:255],
        split,
    )
    budget.financing[0] = ("6.1.1", f"{tokens['financing name']} {hostile}"[:255], budget.financing[0][2])
    report = samples.fill_realisation(template_bytes(), budget)
    book = load_workbook(io.BytesIO(report))
    sheet = book["Realisasi"]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == "Belanja" and row[1].value == code:
            row[6].value = f"{tokens['note']} {hostile}"
    out = io.BytesIO()
    book.save(out)
    with scope(village=sebuntal.pk):
        data = samples.fill_template(template_bytes(), budget)
        pending = import_workbook(sebuntal, operator, data, 2025, reason=hostile)
        client.force_login(operator)
        preview = client.get(f"/admin/apbdes/impor/{pending.pk}/")
        version = services.confirm_import(pending.pk, operator).version
        services.publish_version(version.pk, operator)
        saved = services.confirm_import(
            import_workbook(sebuntal, operator, out.getvalue(), 2025, "akhir_tahun").pk, operator
        )
        services.publish_realisation(saved.realisation_id, operator)
    pages = {
        "preview": preview,
        "version": client.get(f"/admin/apbdes/versi/{version.pk}/"),
        "realisation": client.get(f"/admin/apbdes/realisasi/{saved.realisation_id}/"),
    }
    client.logout()
    base = "/marang-kayu/sebuntal/transparansi/"
    for url in ("", "tahun/2025/", "perbandingan/"):
        pages[url or "transparansi"] = client.get(base + url)
    problems, everything = [], ""
    for where, response in pages.items():
        assert response.status_code == 200, where
        body = response.content.decode()
        everything += body
        is_admin = where in ("preview", "version", "realisation")
        # The admin has Wagtail's own scripts; what matters there is that the input is not markup.
        if is_admin:  # Wagtail's own scripts are there; the input's markup must not be
            fragments = (
                "<script>alert",
                "<img src=x",
                '<a href="javascript',
                "<b><i>unclosed",
                "<div><table>",
            )
            found = [f"raw {f!r}" for f in fragments if f in hostile and f in body]
        else:
            found = inspect(body, hostile)
        problems += [f"{where}: {p}" for p in found]
    for field, token in tokens.items():
        if token not in everything:
            problems.append(f"{field} ({token}) is shown nowhere")
        for start in (m.end() for m in re.finditer(token, everything)):
            if INVISIBLE.search(everything[start : start + len(hostile)]):
                problems.append(f"{field}: invisible character shown after {token}")
                break
    for kind in ("json", "csv"):
        assert client.get(f"{base}tahun/2025/data/{kind}/").status_code == 200
    for kind in ("pdf", "png"):
        assert client.get(f"{base}tahun/2025/baliho/{kind}/").status_code == 200, kind
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------- complaints

# Complaint fields typed by a citizen or an operator that are not meant to be shown anywhere.
COMPLAINT_NOT_SHOWN = {
    "held_reason": "codes written by the form guard, shown as their labels",
    "action": "a transition's name from the table, shown as its label; nobody types it",
    "from_state": "a state of the table, written by casework's perform",
    "to_state": "a state of the table, written by casework's perform",
}


def complaint_text_fields():
    from sinergi.complaints.models import Complaint, ComplaintCategory, ComplaintEvent

    fields = [f for m in (Complaint, ComplaintEvent, ComplaintCategory) for f in _text_fields(m)]
    return [f for f in fields if f.name not in COMPLAINT_NOT_SHOWN and f.name != "slug"]


def test_complaint_discovery_finds_what_citizens_and_operators_type():
    found = {field_id(f) for f in complaint_text_fields()}
    for expected in (
        "complaints.Complaint.title",
        "complaints.Complaint.description",
        "complaints.Complaint.location_text",
        "complaints.Complaint.name",
        "complaints.Complaint.phone",
        "complaints.Complaint.redirect_to",
        "complaints.ComplaintEvent.comment",
        "complaints.ComplaintCategory.name",
    ):
        assert expected in found, expected


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_complaint_text_is_inert_on_every_page_that_shows_it(name, sebuntal, operator):
    """Every text field of a complaint (and its replies and category) carries the hostile text; the
    public list, case page, feed, the citizen's tracking page and the operator's screens show it as text."""
    from django_scopes import scope

    from sinergi.complaints.models import ComplaintCategory, ComplaintsPage
    from sinergi.complaints.services import submit
    from sinergi.complaints.workflow import act

    hostile = HOSTILE[name]
    tokens = Tokens()
    values = {}
    for f in complaint_text_fields():
        values[field_id(f)] = plain_value(f, tokens(f), hostile)
    category = ComplaintCategory.for_regency(sebuntal.district.regency)[0]
    category.name = values["complaints.ComplaintCategory.name"]
    category.save()

    def text(field):
        return values[f"complaints.Complaint.{field}"]

    data = {
        "kind": "pengaduan",
        "category": category,
        "may_publish": True,
        "show_name": True,
        **{f: text(f) for f in ("title", "description", "location_text", "name", "phone")},
    }
    shown = submit(sebuntal, data)
    comment = values["complaints.ComplaintEvent.comment"]
    act(shown, "verify", roles={"operator"})
    act(shown, "reply", roles={"operator"}, comment=comment)
    rejected = submit(sebuntal, {**data, "title": "Ditolak"})
    act(rejected, "reject", roles={"operator"}, comment=comment, rejection="bukan_kewenangan",
        redirect_to=text("redirect_to"))  # fmt: skip

    page = ComplaintsPage.objects.get(village=sebuntal)
    public = Client()
    urls = [
        page.url,
        page.url + page.reverse_subpage("case", args=[shown.year, shown.number]),
        page.url + page.reverse_subpage("track", args=[shown.tracking_code]),
        page.url + page.reverse_subpage("track", args=[rejected.tracking_code]),
        page.url + page.reverse_subpage("feed"),
    ]
    staff = Client()
    staff.force_login(operator)
    rendered, problems = {}, []
    for client, url in [(public, u) for u in urls] + [
        (staff, "/admin/pengaduan/"),
        (staff, f"/admin/pengaduan/{shown.pk}/"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, f"{url} -> {response.status_code}"
        body = response.content.decode()
        rendered[url] = body
        if response["Content-Type"].startswith(("application/rss", "application/xml")):
            if "<" in hostile and hostile in body:
                problems.append(f"{url}: raw hostile text in the feed")
            continue
        if url.startswith("/admin/"):
            # Wagtail's own pages carry inline scripts: there the raw input must simply never appear.
            if "<" in hostile and hostile in body:
                problems.append(f"{url}: raw hostile text")
            continue
        problems += [f"{url}: {p}" for p in inspect(body, hostile)]
    assert not problems, "\n".join(problems)
    everything = "\n".join(rendered.values())
    with scope(village=sebuntal.pk):
        missing = [key for key, value in values.items() if value and value.split(" ")[0] not in everything]
    assert not missing, f"fields never shown: {missing}"
