"""The one way to declare a model that belongs to a village (the tenant): inherit `VillageOwned`.

It lives in `regions` because every app already depends on `regions` (the tenant tables) and this
module imports nothing from any sinergi app, so KIM, PPID, complaints and APBDes can all import it
without an import cycle. How to declare and query such a model: docs/security.md, "Tenancy".
"""

from collections.abc import Iterable

from django.db import models
from django_scopes import ScopedManager


class VillageOwned(models.Model):
    """A row of one village, readable only inside `scope(village=...)` (or `scopes_disabled()`).

    A row reached through another key (a photo through its report) still carries the village key
    itself, copied from its parent in `save()`, so that the scope filters it without a join.
    """

    # Set by code (from the parent row or the user's scope), never from a submitted form: a form
    # built with `fields="__all__"` must not let anyone move a row into another village.
    village = models.ForeignKey(
        "regions.Village",
        on_delete=models.CASCADE,
        db_index=True,
        editable=False,
        related_name="%(app_label)s_%(class)s_set",
        related_query_name="%(app_label)s_%(class)s",
    )

    objects = ScopedManager(village="village")

    class Meta:
        abstract = True


def village_key_fields(model) -> list:
    """The concrete fields of `model` that point at regions.Village (ForeignKey, OneToOne, ManyToMany)."""
    return [
        field
        for field in model._meta.get_fields()
        if field.concrete
        and field.is_relation
        and field.related_model is not None
        and field.related_model._meta.label == "regions.Village"
    ]


def _reaches_village_owned(model) -> bool:
    """Whether `model` has a key to a village-owned model (its village is reached through that key)."""
    return any(
        field.concrete
        and field.is_relation
        and isinstance(field.related_model, type)
        and issubclass(field.related_model, VillageOwned)
        for field in model._meta.get_fields()
    )


def undeclared_village_models(models_to_check: Iterable, allowed: Iterable = ()) -> list[str]:
    """Labels of the models that belong to a village but do not inherit `VillageOwned`.

    A model belongs to a village when it has a key to regions.Village or to a village-owned model.
    `allowed` holds model labels ("app.Model"), app labels ("app") or classes whose subclasses are
    exempt; each exemption needs its reason written next to it.
    """
    allowed = list(allowed)
    allowed_labels = {entry for entry in allowed if isinstance(entry, str)}
    allowed_bases = tuple(entry for entry in allowed if isinstance(entry, type))
    missing = []
    for model in models_to_check:
        meta = model._meta
        if meta.abstract or meta.proxy or issubclass(model, VillageOwned):
            continue
        if meta.label in allowed_labels or meta.app_label in allowed_labels:
            continue
        if allowed_bases and issubclass(model, allowed_bases):
            continue
        if village_key_fields(model) or _reaches_village_owned(model):
            missing.append(meta.label)
    return sorted(missing)
