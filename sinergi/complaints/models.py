"""The village's complaints and suggestions page; the complaint workflow will be built here."""

from django.utils.translation import gettext_lazy as _

from sinergi.villages.models import ContentPage


class ComplaintsPage(ContentPage):
    parent_page_types = ["villages.VillageHomePage"]
    subpage_types = ["villages.StandardPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("pengaduan dan aspirasi")
        verbose_name_plural = _("pengaduan dan aspirasi")
