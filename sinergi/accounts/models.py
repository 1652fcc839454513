"""Who works for which village, beyond Wagtail's page and collection permissions.

Page, image and document rights come from the village's staff group (provisioning grants it on the
village subtree and collection only); a Membership records the role, for the features that are not
pages (KIM, PPID, complaints).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Membership(models.Model):
    class Role(models.TextChoices):
        OPERATOR = "operator", _("Operator desa")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    village = models.ForeignKey("regions.Village", on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("peran"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("keanggotaan")
        verbose_name_plural = _("keanggotaan")
        constraints = [
            models.UniqueConstraint(fields=["user", "village", "role"], name="unique_membership_role"),
        ]

    def __str__(self):
        return f"{self.user} — {self.get_role_display()} {self.village}"


class DistrictViewer(models.Model):
    """A kecamatan viewer (the camat's staff): reads the index dashboards of its kecamatan's villages.

    A model of its own rather than a Membership role: a Membership names one village and gives
    operator rights through the village's group, whereas this role names a kecamatan and gives
    nothing to change. Keeping it apart means no rule that asks "who manages this village"
    (`accounts.access.managed_village_ids`: KIM, PPID, complaints, APBDes, the admin guard) can ever
    count a viewer in by mistake; only `accounts.access.viewable_village_ids` reads it. The row's
    save and delete keep the user in the viewers' group, which grants admin sign-in and nothing else.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="district_views"
    )
    district = models.ForeignKey("regions.District", on_delete=models.CASCADE, related_name="viewers")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("peninjau kecamatan")
        verbose_name_plural = _("peninjau kecamatan")
        constraints = [
            models.UniqueConstraint(fields=["user", "district"], name="unique_district_viewer"),
        ]

    def __str__(self):
        return f"{self.user} — {self.district}"
