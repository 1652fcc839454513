"""The village budget transparency (APBDes) page; budget figures will be published from here."""

from django.utils.translation import gettext_lazy as _

from sinergi.villages.models import ContentPage


class TransparencyPage(ContentPage):
    parent_page_types = ["villages.VillageHomePage"]
    subpage_types = ["villages.StandardPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("transparansi anggaran")
        verbose_name_plural = _("transparansi anggaran")
