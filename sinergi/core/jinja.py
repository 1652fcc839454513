"""The Jinja2 environment of the public site's templates (`<app>/jinja2/`).

The public pages (village and portal sites, their forms, the KIM member pages, the index's public
pages, the error pages) are Jinja2 templates; Wagtail's admin and the operator screens stay Django
templates (`<app>/templates/`). Jinja2 compiles a template to Python once, where Django's engine walks
its node tree and resolves every variable through its lookup rules on each render
(docs/architecture.md, "Templates").

The templates print what Django's engine printed for the same data, byte for byte (escaping aside:
`&#39;` for `&#x27;`): numbers and dates localized, datetimes in the site's time zone, a missing
variable empty, Django's `default`/`date`/`linebreaksbr`... filters, Sinergi's filters
(core.templatetags.sinergi) by the same names. One difference is kept on purpose: a method is
called in the template (`case.get_state_display()`); printing one uncalled is an error.

Functions: `_("...")`, `url(name, *args)`, `static(path)`, `page_url(page)`,
`routablepageurl(page, name, *args)`, `image(image, "fill-96x96|format-webp", class="logo")`,
`srcset_image(image, "fill-{480x200,960x400}|format-webp", sizes=...)`, `rendition(image, spec)`,
`absolute_image_url(rendition)`, `site_menu(page)`, `footer_regency()`, `theme_style(village_home)`,
`described_results(results)`, `wagtailuserbar()`. Blocks of text with values:
`{% trans name=value %}Kantor {{ name }}{% endtrans %}`, plurals with `{% pluralize n %}`; the
message ids are those Django's `{% blocktranslate %}` gives (`Kantor %(name)s`).
"""

import datetime as dt
from decimal import Decimal
from functools import lru_cache

from django.apps import apps
from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template import defaultfilters
from django.template.backends.django import get_installed_libraries
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.formats import localize
from django.utils.html import conditional_escape, format_html
from django.utils.module_loading import import_string
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime
from jinja2 import ChainableUndefined, Environment, pass_context
from markupsafe import Markup
from wagtail.contrib.routable_page.templatetags.wagtailroutablepage_tags import routablepageurl
from wagtail.images.models import Filter, ResponsiveImage
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.models import Page

from sinergi.core.colours import HEX_COLOUR
from sinergi.core.models import ensure_renditions
from sinergi.core.pages import page_url as url_of
from sinergi.core.search import describe_results
from sinergi.core.security import register_inline_style

# --------------------------------------------------------------------------- pictures


@lru_cache(maxsize=512)
def parsed_filter(spec: str) -> Filter:
    """The Filter of an image spec (`fill-96x96|format-webp`), made once per process: a Filter parses
    its operations (through `inspect`) the first time it is used, ~0.3 ms, a dozen on a village home."""
    if not Filter.pipe_spec_pattern.match(spec):
        raise ValueError(f"Not an image filter spec: {spec!r}")
    return Filter(spec=spec)


@lru_cache(maxsize=512)
def parsed_filters(spec: str) -> tuple[Filter, ...]:
    """The Filters of a srcset spec with braces (`fill-{480x200,960x400}|format-webp`), made once."""
    if not Filter.pipe_expanding_spec_pattern.match(spec):
        raise ValueError(f"Not an image filter spec: {spec!r}")
    return tuple(Filter(spec=expanded) for expanded in Filter.expand_spec(spec))


def renditions_of(request, image, filters) -> list:
    """The renditions of `image` for `filters`, in their order. For a picture the page noted, from the
    renditions read with the page's other pictures in one query (core.models.ensure_renditions),
    without Wagtail's cache write per picture (its get_rendition writes the cache even when the
    rendition was prefetched); otherwise Wagtail's lookup. A rendition not made yet is made by Wagtail
    (a broken-image stand-in if the original file is missing)."""
    ensure_renditions(request, image)
    if image._get_prefetched_renditions() is None:  # not noted: Wagtail's lookup, cache and all
        made = get_renditions_or_not_found(image, filters)
        return [made[spec_filter.spec] for spec_filter in filters]
    found = image.find_existing_renditions(*filters)
    missing = [spec_filter for spec_filter in filters if spec_filter not in found]
    if missing:
        made = get_renditions_or_not_found(image, missing)
        found.update({spec_filter: made[spec_filter.spec] for spec_filter in missing})
    return [found[spec_filter] for spec_filter in filters]


def img_tag(rendition, extra: dict) -> str:
    """`rendition.img_tag(extra)`'s markup (the same attributes, sorted, booleans last) without
    building it through Django's form helpers, the costliest part of a picture on a page."""
    attrs = {"src": rendition.url, "width": rendition.width, "height": rendition.height, "alt": rendition.alt}
    attrs.update(apps.get_app_config("wagtailimages").default_attrs)
    attrs.update(extra)
    pairs = sorted(
        (name, value) for name, value in attrs.items() if value is not None and not isinstance(value, bool)
    )
    flags = sorted(name for name, value in attrs.items() if value is True)
    html = "".join(f' {conditional_escape(name)}="{conditional_escape(value)}"' for name, value in pairs)
    html += "".join(f" {conditional_escape(name)}" for name in flags)
    return mark_safe(f"<img{html}>")  # noqa: S308  (every name and value escaped above)


@pass_context
def image(context, image, spec, **attrs):
    """Wagtail's `{% image photo fill-96x96 format-webp class="logo" %}` markup."""
    if not image:
        return ""
    (rendition,) = renditions_of(context.get("request"), image, [parsed_filter(spec)])
    return img_tag(rendition, attrs)


@pass_context
def rendition(context, image, spec):
    """Wagtail's `{% image photo spec as name %}`: the rendition itself (its url, width, height)."""
    if not image:
        return None
    (found,) = renditions_of(context.get("request"), image, [parsed_filter(spec)])
    return found


@pass_context
def srcset_image(context, image, spec, **attrs):
    """Wagtail's `{% srcset_image photo fill-{480x200,960x400} format-webp sizes="..." %}` markup."""
    if not image:
        return ""
    renditions = renditions_of(context.get("request"), image, parsed_filters(spec))
    if len(renditions) > 1:
        attrs["srcset"] = ResponsiveImage.get_width_srcset(renditions)
    return img_tag(renditions[0], attrs)


@pass_context
def absolute_image_url(context, rendition):
    url = rendition.url
    if url.startswith(("http://", "https://")):
        return url
    return context["request"].build_absolute_uri(url)


# --------------------------------------------------------------------------- the page's frame


@pass_context
def page_url(context, page):
    """Wagtail's `{% pageurl page %}` without a reverse() per link (core.pages.page_url): the same address."""
    if not isinstance(page, Page):
        raise ValueError(f"page_url expects a Page, got {page!r}")
    return url_of(page, context.get("request"))


def site_menu(page):
    """Menu of the village (or portal) that `page` belongs to: its sections marked 'show in menus'."""
    if not page:  # a view without a page (an error page, the index's public pages)
        return []
    root = getattr(page, "village_home", None) or getattr(page, "portal_home", None)
    if not root:
        return []
    if root.pk == page.pk:
        root = page  # a site's home: the instance whose children its own context already read
    return root.menu_children


@pass_context
def footer_regency(context):
    """The regency whose office runs this site, for the footer: the one the portal passes, or the one
    the village home (or portal) was read with (its identity joined in the same query)."""
    if context.get("regency"):
        return context["regency"]
    village = getattr(context.get("village_home"), "village", None)
    if village is not None:
        return village.district.regency
    return getattr(context.get("portal_home"), "regency", None)


@pass_context
def theme_style(context, village_home):
    """The village's brand colour as a one-line <style>, allowed by the CSP through its hash."""
    colour = getattr(village_home, "primary_colour", "") if village_home else ""
    if not HEX_COLOUR.match(colour or ""):
        return ""
    css = f":root{{--brand:{colour}}}"
    register_inline_style(context["request"], css)
    return format_html("<style>{}</style>", css)


def _url(name, *args, **kwargs):
    return reverse(name, args=args or None, kwargs=kwargs or None)


# --------------------------------------------------------------------------- Django's printing rules


def _default(value, fallback=""):
    """Django's `default`: the fallback for any false value (Jinja2's is for undefined ones only)."""
    return value or fallback


def _default_if_none(value, fallback=""):
    return fallback if value is None else value


def _date(value, arg=None):
    """Django's `date` filter, the value first in the site's time zone (as Django's engine does)."""
    return defaultfilters.date(template_localtime(value), arg)


def _time(value, arg=None):
    return defaultfilters.time(template_localtime(value), arg)


_LOCALIZED = (int, float, Decimal, dt.date, dt.time)  # datetime is a date


def _localized(value):
    if isinstance(value, _LOCALIZED) and not isinstance(value, bool):
        return localize(template_localtime(value))
    return value


def _finalize(value):
    """Every printed value, as Django's engine prints it: numbers, dates and times in the active
    language's format (27,3) and datetimes in the site's time zone. A method printed uncalled
    (`{{ case.get_state_display }}`: Django's engine calls it, Jinja2 does not) is a template error,
    not "<bound method ...>" on a public page."""
    value = _localized(value)
    if callable(value) and not hasattr(value, "__html__"):
        raise TypeError(f"A template prints a callable, call it: {value!r}")
    return value


@lru_cache(maxsize=4096)
def _catalogue_text(language: str | None, message: str) -> str:
    return translation.gettext(message)


def _gettext_once(message: str, language: str | None) -> str:
    """`gettext(message)` in `language` (the one active at render, `_language_of`), looked up in
    Django's catalogues once per process and language: a page prints some forty texts, and each
    lookup walks every app's catalogue (and the fallback's) when the text has no translation, as
    Sinergi's Indonesian ids have none in Indonesian."""
    return _catalogue_text(language, message)


def language_context(request):
    """Context processor of the Jinja2 templates: the language active when a template is rendered,
    read once per render instead of once per text (Django keeps it in a context-local variable,
    a few microseconds per read, some forty texts a page)."""
    return {_LANGUAGE: translation.get_language()}


_LANGUAGE = "sinergi_language"


def _language_of(context) -> str | None:
    # A template rendered without a request (an e-mail) has no context processors: the active one.
    return context.get(_LANGUAGE) or translation.get_language()


@receiver(setting_changed)
def _forget_translations(*, setting, **kwargs):
    # Django drops its loaded catalogues when these change (tests' override_settings): so do we.
    if setting in {"LANGUAGES", "LANGUAGE_CODE", "LOCALE_PATHS", "INSTALLED_APPS"}:
        _catalogue_text.cache_clear()


@pass_context
def _translate(context, message):
    """`_("...")`: Django's `{% translate "..." %}`, the literal text trusted as the template is."""
    text = _gettext_once(message, _language_of(context))
    return Markup(text) if context.eval_ctx.autoescape else text  # noqa: S704  (the template's own text)


def _with_values(context, text, variables):
    """A translated text with its values: Django's `{% blocktranslate %}`, the values escaped and
    printed as Django prints them (27,3; a datetime in the site's time zone)."""
    if context.eval_ctx.autoescape:
        text = Markup(text)  # noqa: S704  (the template's own text; the values are escaped by %)
    return text % {name: _localized(value) for name, value in variables.items()}


@pass_context
def _gettext(context, message, **variables):
    """`{% trans name=value %}...{% endtrans %}`."""
    return _with_values(context, _gettext_once(message, _language_of(context)), variables)


@pass_context
def _ngettext(context, singular, plural, number, **variables):
    """`{% trans n=count %}...{% pluralize n %}...{% endtrans %}`."""
    variables.setdefault("num", number)
    return _with_values(context, translation.ngettext(singular, plural, number), variables)


def environment(**options):
    options.pop("autoescape", None)  # always on
    options["finalize"] = _finalize
    # Django's leniency: a missing variable or attribute is empty and false, `page.title` of no page
    # included (a view that has no page, an error page).
    options["undefined"] = ChainableUndefined
    extensions = ["jinja2.ext.i18n", "wagtail.jinja2tags.core", "wagtail.admin.jinja2tags.userbar"]
    env = Environment(autoescape=True, extensions=extensions, **options)
    env.newstyle_gettext = True  # what jinja2.ext.i18n compiles `{% trans %}` blocks for
    env.globals.update(
        _=_translate,
        gettext=_gettext,
        ngettext=_ngettext,
        url=_url,
        static=static,
        page_url=page_url,
        routablepageurl=pass_context(routablepageurl),
        image=image,
        srcset_image=srcset_image,
        rendition=rendition,
        absolute_image_url=absolute_image_url,
        site_menu=site_menu,
        footer_regency=footer_regency,
        theme_style=theme_style,
        described_results=describe_results,
    )
    env.filters.update(
        # Django's filters where Jinja2 has none or one that behaves differently.
        date=_date,
        time=_time,
        default=_default,
        default_if_none=_default_if_none,
        linebreaksbr=defaultfilters.linebreaksbr,
        linebreaks=defaultfilters.linebreaks_filter,
        floatformat=defaultfilters.floatformat,
        filesizeformat=defaultfilters.filesizeformat,
        truncatechars=defaultfilters.truncatechars,
        urlencode=defaultfilters.urlencode,
        add=defaultfilters.add,
        intcomma=intcomma,
    )
    # Sinergi's filters by the names its templates use (`tanggal`, `rupiah`...): those of every template
    # library of a Sinergi app (core's `sinergi`, finance's `apbdes`), found as Django finds them.
    for module in get_installed_libraries().values():
        if module.startswith("sinergi."):
            env.filters.update(import_string(f"{module}.register").filters)
    return env
