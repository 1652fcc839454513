"""Invisible characters in single-line text.

A right-to-left override makes "\u202egnp.exe" show as "exe.png"; zero-width and control characters
make two titles that look the same differ. They are removed from every single-line text field
(CharField and its subclasses) when a model of ours, or Wagtail's page, image, document or tag, is
saved. Multi-line text (TextField, rich text) keeps the bidi marks, legitimate in Arabic-script
prose and shown in its own block, but loses C0/C1 control characters (bar tab and line breaks): never
typed on purpose, and XML 1.0 (the RSS feed) cannot carry them.
"""

import re

from django.db import models

# Bidi embeddings, overrides, isolates and marks; zero-width space, word joiner, BOM; C0/C1 controls.
# Zero-width (non-)joiners stay: emoji sequences and several scripts need them.
INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2069\ufeff]"
)
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Apps whose models are cleaned: ours, and Wagtail's for pages (titles), images, documents and tags.
CLEANED_APPS = {"wagtailcore", "wagtailimages", "wagtaildocs", "taggit"}


def without_invisible(value: str) -> str:
    return INVISIBLE.sub("", value)


def is_cleaned_model(model) -> bool:
    config = model._meta.app_config
    return config is not None and (config.name.startswith("sinergi.") or config.label in CLEANED_APPS)


def clean_text_fields(instance) -> None:
    """Remove invisible characters from CharField values and control characters from TextField values."""
    for field in instance._meta.concrete_fields:
        if isinstance(field, models.CharField):
            pattern = INVISIBLE
        elif isinstance(field, models.TextField):
            pattern = CONTROL
        else:
            continue
        value = getattr(instance, field.attname, None)
        if isinstance(value, str) and pattern.search(value):
            setattr(instance, field.attname, pattern.sub("", value))
