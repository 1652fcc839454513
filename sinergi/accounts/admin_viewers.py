"""The regency admin's screen of kecamatan viewers (Pengaturan → Peninjau kecamatan).

A regency admin adds, lists and removes the viewers of its own regency's kecamatan; nobody else
reaches the screen (a village operator, a viewer: 403 or Wagtail's "no permission"). Adding a row
puts the user in the viewers' group (admin sign-in only, `accounts.signal_handlers`).
"""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.permission_policies.base import BasePermissionPolicy

from sinergi.accounts.access import administered_regencies, is_regency_admin
from sinergi.accounts.admin_views import ScopedModelViewSet
from sinergi.accounts.models import DistrictViewer
from sinergi.regions.models import District


class ViewerPolicy(BasePermissionPolicy):
    def user_has_permission(self, user, action):
        return is_regency_admin(user)

    def user_has_any_permission(self, user, actions):
        return is_regency_admin(user)

    def user_has_permission_for_instance(self, user, action, instance):
        if not is_regency_admin(user):
            return False
        return (
            user.is_superuser or administered_regencies(user).filter(districts=instance.district_id).exists()
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_permission_for_instance(user, None, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        rows = DistrictViewer.objects.select_related("user", "district")
        if not is_regency_admin(user):
            return rows.none()
        if user.is_superuser:
            return rows
        return rows.filter(district__regency__in=administered_regencies(user))


class ViewerForm(WagtailAdminModelForm):
    class Meta:
        model = DistrictViewer
        fields = ["user", "district"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = get_user_model().objects.filter(is_active=True).order_by("username")
        self.fields["user"].label = _("pengguna")
        self.fields["user"].help_text = _(
            "Akun yang sudah ada (buat dulu di Pengaturan → Pengguna). Peninjau hanya dapat membaca "
            "indeks keterbukaan desa di kecamatan ini; tidak dapat mengubah apa pun."
        )
        districts = District.objects.select_related("regency")
        if self.for_user is not None and not self.for_user.is_superuser:
            districts = districts.filter(regency__in=administered_regencies(self.for_user))
        self.fields["district"].queryset = districts
        self.fields["district"].label = _("kecamatan")

    def clean(self):
        cleaned = super().clean()
        user, district = cleaned.get("user"), cleaned.get("district")
        if (
            user
            and district
            and DistrictViewer.objects.filter(user=user, district=district)
            .exclude(pk=self.instance.pk)
            .exists()
        ):
            raise forms.ValidationError(_("Pengguna ini sudah menjadi peninjau kecamatan tersebut."))
        return cleaned


class DistrictViewerViewSet(ScopedModelViewSet):
    model = DistrictViewer
    form_fields = ["user", "district"]
    icon = "view"
    menu_label = _("Peninjau kecamatan")
    add_to_settings_menu = True
    menu_order = 660
    list_display = ["user", "district", "created_at"]
    copy_view_enabled = False
    inspect_view_enabled = False

    def get_form_class(self, for_update=False):
        return ViewerForm

    @property
    def permission_policy(self):
        return ViewerPolicy(DistrictViewer)
