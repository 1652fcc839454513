from urllib.parse import quote

from django import template
from django.apps import apps
from django.template.base import Token
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from lokal import parse_phone
from wagtail.images.models import ResponsiveImage
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.images.templatetags import wagtailimages_tags as wagtail_images

from sinergi.core import formatting
from sinergi.core.models import ensure_renditions
from sinergi.core.search import describe_results

register = template.Library()


@register.filter
def tanggal(value):
    return formatting.long_date(value)


@register.filter
def tanggal_hari(value):
    return formatting.long_date(value, with_day=True)


@register.filter
def tanggal_pendek(value):
    return formatting.short_date(value)


@register.filter
def jam(value):
    return formatting.time_of_day(value)


@register.filter
def rupiah(value):
    return formatting.rupiah(value)


@register.filter
def page_date(page):
    """The date of a dated page (an article, an announcement), None for the others. `page.date` in a
    template costs a `dir()` of the whole page class on every page without one (Django's engine looks
    whether the missing attribute is a property that raised)."""
    return getattr(page, "date", None)


@register.filter
def ringkas(value, length=160):
    """Cut on a word boundary (Django's truncatechars cuts mid-word)."""
    return formatting.excerpt(value, int(length))


@register.filter
def koordinat(latitude, longitude):
    return formatting.coordinates(latitude, longitude)


@register.filter
def urlquote(value):
    return quote(str(value), safe="")


def _phone_digits(value) -> str:
    """The number as international digits only (6281234567890), or "" if it is not a valid number.

    Links are built from these digits alone, never from the stored text: a value saved before the
    model validated phone numbers (or written around it) is shown as text, not linked.
    """
    info = parse_phone(str(value or "").strip()) if value else None
    if not info or not info.valid or not info.e164:
        return ""
    digits = info.e164.removeprefix("+")
    return digits if digits.isascii() and digits.isdigit() else ""


@register.filter
def tel_href(value) -> str:
    digits = _phone_digits(value)
    return f"tel:+{digits}" if digits else ""


@register.filter
def whatsapp_href(value) -> str:
    digits = _phone_digits(value)
    return f"https://wa.me/{digits}" if digits else ""


@register.simple_tag(takes_context=True)
def theme_style(context, village_home):
    """The village's brand colour as a one-line <style>, allowed by the CSP through its hash."""
    from django.utils.html import format_html

    from sinergi.core.colours import HEX_COLOUR
    from sinergi.core.security import register_inline_style

    colour = getattr(village_home, "primary_colour", "") if village_home else ""
    if not HEX_COLOUR.match(colour or ""):
        return ""
    css = f":root{{--brand:{colour}}}"
    register_inline_style(context["request"], css)
    return format_html("<style>{}</style>", css)


@register.simple_tag(takes_context=True)
def site_menu(context, page):
    """Menu of the village (or portal) that `page` belongs to: its sections marked 'show in menus'."""
    root = getattr(page, "village_home", None) or getattr(page, "portal_home", None)
    if root is None:
        return []
    if root.pk == page.pk:
        root = page  # a site's home: the instance whose children its own context already read
    return root.menu_children


@register.simple_tag(takes_context=True)
def footer_regency(context):
    """The regency whose office runs this site, for the footer: the one the portal passes, or the one
    the village home (or portal) was read with (its identity joined in the same query)."""
    if context.get("regency"):
        return context["regency"]
    village = getattr(context.get("village_home"), "village", None)
    if village is not None:
        return village.district.regency
    return getattr(context.get("portal_home"), "regency", None)


@register.simple_tag
def described_results(results):
    return describe_results(results)


@register.simple_tag(takes_context=True)
def absolute_image_url(context, rendition):
    url = rendition.url
    if url.startswith(("http://", "https://")):
        return url
    return context["request"].build_absolute_uri(url)


@register.simple_tag(takes_context=True)
def page_url(context, page):
    """`{% pageurl page %}` without a reverse() per link (core.pages.page_url): the same address."""
    from wagtail.models import Page

    from sinergi.core.pages import page_url as url_of

    if not isinstance(page, Page):
        raise ValueError(f"page_url expects a Page, got {page!r}")
    return url_of(page, context.get("request"))


class _FiltersParsedOnce:
    """Wagtail's image nodes make new Filter objects at each render, and a Filter parses its spec
    (its operations, through `inspect`) the first time it is used: about 0.3 ms a filter, a dozen on a
    village home. The node's filters never change, so they are made once per compiled template."""

    def get_filter(self):
        if "_filter" not in self.__dict__:
            self.__dict__["_filter"] = super().get_filter()
        return self.__dict__["_filter"]

    def get_filters(self):
        if "_filters" not in self.__dict__:
            self.__dict__["_filters"] = super().get_filters()
        return self.__dict__["_filters"]


def _renditions(context, image, filters) -> list:
    """The renditions of `image` for `filters`, in their order. For a picture the page noted, from the
    renditions read with the page's other pictures in one query (core.models.ensure_renditions),
    without Wagtail's cache write per picture (its get_rendition writes the cache even when the
    rendition was prefetched); otherwise Wagtail's lookup. A rendition not made yet is made by Wagtail
    (a broken-image stand-in if the original file is missing)."""
    ensure_renditions(context.get("request"), image)
    if image._get_prefetched_renditions() is None:  # not noted: Wagtail's lookup, cache and all
        made = get_renditions_or_not_found(image, filters)
        return [made[spec_filter.spec] for spec_filter in filters]
    found = image.find_existing_renditions(*filters)
    missing = [spec_filter for spec_filter in filters if spec_filter not in found]
    if missing:
        made = get_renditions_or_not_found(image, missing)
        found.update({spec_filter: made[spec_filter.spec] for spec_filter in missing})
    return [found[spec_filter] for spec_filter in filters]


def _img_tag(rendition, extra: dict) -> str:
    """`rendition.img_tag(extra)`'s markup (the same attributes, sorted, booleans last) without
    building it through Django's form helpers, the costliest part of a picture on a page."""
    attrs = {"src": rendition.url, "width": rendition.width, "height": rendition.height, "alt": rendition.alt}
    attrs.update(_default_image_attrs())
    attrs.update(extra)
    pairs = sorted(
        (name, value) for name, value in attrs.items() if value is not None and not isinstance(value, bool)
    )
    flags = sorted(name for name, value in attrs.items() if value is True)
    html = "".join(f' {conditional_escape(name)}="{conditional_escape(value)}"' for name, value in pairs)
    html += "".join(f" {conditional_escape(name)}" for name in flags)
    return mark_safe(f"<img{html}>")  # noqa: S308  (every name and value escaped above)


def _default_image_attrs() -> dict:
    return apps.get_app_config("wagtailimages").default_attrs


class _ImageNode(_FiltersParsedOnce, wagtail_images.ImageNode):
    def render(self, context):
        image = self.validate_image(context)
        if not image:
            return ""
        (rendition,) = _renditions(context, image, [self.get_filter()])
        if self.output_var_name:
            context[self.output_var_name] = rendition
            return ""
        return _img_tag(rendition, {name: value.resolve(context) for name, value in self.attrs.items()})


class _SrcsetImageNode(_FiltersParsedOnce, wagtail_images.SrcsetImageNode):
    def render(self, context):
        image = self.validate_image(context)
        if not image:
            return ""
        renditions = _renditions(context, image, self.get_filters())
        if self.output_var_name:
            specs = [spec_filter.spec for spec_filter in self.get_filters()]
            context[self.output_var_name] = ResponsiveImage(dict(zip(specs, renditions, strict=True)))
            return ""
        attrs = {name: value.resolve(context) for name, value in self.attrs.items()}
        if len(renditions) > 1:
            attrs["srcset"] = ResponsiveImage.get_width_srcset(renditions)
        return _img_tag(renditions[0], attrs)


_PARSED_ONCE = {wagtail_images.ImageNode: _ImageNode, wagtail_images.SrcsetImageNode: _SrcsetImageNode}


def _image_parsed_once(parser, token):
    """`{% image %}` and `{% srcset_image %}` with Wagtail's syntax and output (its own tag builds the
    node), their filters parsed once: `{% sinergi_image %}`, `{% sinergi_srcset_image %}`."""
    contents = token.contents.removeprefix("sinergi_")  # the tag's name as Wagtail's parser knows it
    node = wagtail_images.image(parser, Token(token.token_type, contents, token.position, token.lineno))
    node.__class__ = _PARSED_ONCE[type(node)]
    return node


register.tag("sinergi_image", _image_parsed_once)
register.tag("sinergi_srcset_image", _image_parsed_once)
