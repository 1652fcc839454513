"""Tenant scoping that cannot be forgotten: every village-owned model inherits VillageOwned, and so
every query on it outside a village scope fails loudly instead of showing another village's rows."""

import pytest
from django.apps import apps
from django.db import models
from django.forms import modelform_factory
from django.test.utils import isolate_apps
from django_scopes import ScopeError, scope, scopes_disabled

from sinergi.kim.models import Report
from sinergi.regions.models import Village
from sinergi.regions.tenancy import VillageOwned, undeclared_village_models
from sinergi.villages.models import VillagePage

# The models that point at a village without being village-owned rows, each with its reason.
ALLOWED = {
    # Pages are guarded by Wagtail's page-tree permissions (the village's staff group owns its
    # subtree); their `village` is a copy kept for regency-wide listings, not the access rule.
    VillagePage: "pages: Wagtail page permissions on the village subtree",
    # The membership is the rule that says who manages a village: it is read across villages to
    # answer that question (sinergi.accounts.access), so it cannot itself need a village scope.
    "accounts.Membership": "the access rule itself",
    # The tenant tables (regency, district, village) are the scope, not rows inside it.
    "regions": "the tenant tables themselves",
}

KIM_MODELS = {
    "kim.Kim",
    "kim.KimMember",
    "kim.Invitation",
    "kim.Report",
    "kim.ReportPhoto",
    "kim.ReportEvent",
    "kim.Notification",
    "kim.Activity",
    "kim.ActivityPhoto",
    "kim.ReportSend",
}


class FakeModel(models.Model):
    """A model declared by a test only, in an isolated registry."""

    class Meta:
        abstract = True

    def __str__(self):
        return str(self.pk)


def sinergi_models():
    return [model for model in apps.get_models() if model.__module__.startswith("sinergi.")]


def village_owned_models():
    return [model for model in sinergi_models() if issubclass(model, VillageOwned)]


def test_every_model_keyed_to_a_village_inherits_village_owned():
    assert undeclared_village_models(sinergi_models(), ALLOWED) == []


def test_every_kim_model_is_village_owned():
    assert {model._meta.label for model in village_owned_models()} >= KIM_MODELS


@isolate_apps("sinergi.kim")
def test_the_check_names_a_village_model_declared_without_the_base():
    class Complaint(FakeModel):
        village = models.ForeignKey(Village, on_delete=models.CASCADE, related_name="+")

        class Meta:
            app_label = "kim"

    class ComplaintAttachment(FakeModel):
        # Reaches its village only through the report: still a village's row.
        report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="+")

        class Meta:
            app_label = "kim"

    class VillageList(FakeModel):
        villages = models.ManyToManyField(Village, related_name="+")

        class Meta:
            app_label = "kim"

    class Unrelated(FakeModel):
        name = models.CharField(max_length=10)

        class Meta:
            app_label = "kim"

    checked = [Complaint, ComplaintAttachment, VillageList, Unrelated, Report, *sinergi_models()]
    assert undeclared_village_models(checked, ALLOWED) == [
        "kim.Complaint",
        "kim.ComplaintAttachment",
        "kim.VillageList",
    ]
    # Without its allow-list entry, every page type with a stored village is named too.
    unlisted = undeclared_village_models(
        sinergi_models(), {k: v for k, v in ALLOWED.items() if k is not VillagePage}
    )
    assert "villages.NewsPage" in unlisted and "kim.KimPage" in unlisted


def test_a_query_outside_a_village_scope_raises_scope_error_on_every_village_owned_model():
    owned = village_owned_models()
    assert len(owned) >= len(KIM_MODELS)
    for model in owned:
        for manager in (model.objects, model._default_manager):
            with pytest.raises(ScopeError):
                list(manager.all())
            with pytest.raises(ScopeError):
                manager.filter(pk=1).exists()
            with pytest.raises(ScopeError):
                manager.count()


@pytest.mark.django_db
def test_inside_a_village_scope_every_village_owned_model_answers_for_that_village_only():
    for model in village_owned_models():
        with scope(village=-1):
            assert model.objects.count() == 0, model._meta.label
            assert model._default_manager.count() == 0, model._meta.label


def test_no_form_of_a_village_owned_model_offers_to_change_its_village():
    for model in village_owned_models():
        with scopes_disabled():  # the choices of its other keys are scoped querysets too
            form_class = modelform_factory(model, fields="__all__")
        assert "village" not in form_class.base_fields, model._meta.label
