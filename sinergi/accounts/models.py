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
