"""The village's public information service (PPID) page; information requests will be handled here."""

from django.utils.translation import gettext_lazy as _

from sinergi.villages.models import ContentPage


class PpidPage(ContentPage):
    parent_page_types = ["villages.VillageHomePage"]
    subpage_types = ["villages.StandardPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("PPID desa")
        verbose_name_plural = _("PPID desa")
