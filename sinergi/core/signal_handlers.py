from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from sinergi.core.cache import invalidate_pages_of, invalidate_public_pages
from sinergi.core.sites import sites_changed
from sinergi.core.text import clean_text_fields, is_cleaned_model


@receiver(page_published)
@receiver(page_unpublished)
def _page_changed(sender, instance, **kwargs):
    # Inside a village: that village, its kecamatan and the portal; anything else: every page.
    invalidate_pages_of(instance)


@receiver(post_page_move)
@receiver(page_slug_changed)
def _page_moved(sender, **kwargs):
    # Addresses change: pages cached under the old ones, anywhere, must go.
    invalidate_public_pages()


@receiver(post_delete, sender=Page)
def _page_deleted(sender, **kwargs):
    invalidate_public_pages()


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def _privacy_changed(sender, **kwargs):
    # A page made private must leave the cached listings at once, not after the cache expires.
    invalidate_public_pages()


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def _site_changed(sender, **kwargs):
    # Each process keeps which site answers which host (core/sites.py): tell them all.
    sites_changed()


@receiver(pre_save)
def _strip_invisible_characters(sender, instance, raw=False, **kwargs):
    # One place for every way text is saved (admin, KIM forms, imports, load_demo), not per form.
    if not raw and is_cleaned_model(sender):
        clean_text_fields(instance)
