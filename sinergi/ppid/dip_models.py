"""The Daftar Informasi Publik (DIP): the regency's catalogue of items and each village's entries.

UU 14/2008 Pasal 9 (berkala), 10 (serta merta), 11 (tersedia setiap saat) and 17 (dikecualikan)
name the classes; Perki 1/2018 Pasal 2 lists the berkala information of a village. The catalogue is
data (seeded from sinergi/ppid/dip_catalogue.py, each item with its source), which the regency admin
revises for all of its villages; each village has one entry per item, where its operator links what
satisfies the item and says when it was last updated.
"""

import calendar
import datetime as dt

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from sinergi.regions.tenancy import VillageOwned

__all__ = ["DipEntry", "DipItem", "InfoClass", "Period", "add_months"]


class InfoClass(models.TextChoices):
    BERKALA = "berkala", _("Informasi berkala")
    SERTA_MERTA = "serta_merta", _("Informasi serta merta")
    SETIAP_SAAT = "setiap_saat", _("Informasi tersedia setiap saat")
    DIKECUALIKAN = "dikecualikan", _("Informasi dikecualikan")


class Period(models.TextChoices):
    """How often an item must be renewed; the number of months is in MONTHS."""

    NONE = "", _("tidak berkala")
    MONTHLY = "bulanan", _("bulanan")
    QUARTERLY = "triwulan", _("triwulanan")
    SEMESTER = "semester", _("semesteran")
    YEARLY = "tahunan", _("tahunan")


PERIOD_MONTHS = {Period.MONTHLY: 1, Period.QUARTERLY: 3, Period.SEMESTER: 6, Period.YEARLY: 12}


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved `months` calendar months on; the 31st becomes the last day of a shorter month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


class DipItem(models.Model):
    """One line of the regency's DIP catalogue; every village of the regency gets an entry for it."""

    regency = models.ForeignKey(
        "regions.Regency",
        verbose_name=_("kabupaten/kota"),
        on_delete=models.CASCADE,
        related_name="dip_items",
    )
    # The seed's key, so that seeding again completes the catalogue without duplicating it; blank for
    # items the regency admin adds.
    key = models.SlugField(_("kunci"), max_length=60, blank=True, editable=False)
    info_class = models.CharField(_("golongan informasi"), max_length=20, choices=InfoClass.choices)
    title = models.CharField(_("informasi"), max_length=300)
    description = models.TextField(_("keterangan"), max_length=1000, blank=True)
    source = models.CharField(
        _("dasar hukum"), max_length=200, help_text=_("Peraturan dan pasal asal butir ini.")
    )
    needs_check = models.BooleanField(
        _("perlu dicek"),
        default=False,
        help_text=_("Rumusan butir ini belum dicocokkan dengan naskah peraturannya."),
    )
    period = models.CharField(_("periode pembaruan"), max_length=10, choices=Period.choices, blank=True)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("butir DIP")
        verbose_name_plural = _("katalog Daftar Informasi Publik")
        ordering = ["regency", "info_class", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["regency", "key"], condition=~models.Q(key=""), name="ppid_dipitem_unique_seed_key"
            )
        ]

    def __str__(self):
        return self.title

    def stale_after(self, updated_on: dt.date | None) -> dt.date | None:
        """The first day on which an entry last updated on `updated_on` is out of date (None: never)."""
        months = PERIOD_MONTHS.get(self.period)
        if not months or updated_on is None:
            return None
        return add_months(updated_on, months) + dt.timedelta(days=1)


class DipEntry(VillageOwned):
    """What the village offers for one catalogue item: a page, a document, or (later) an APBDes year."""

    item = models.ForeignKey(
        DipItem, verbose_name=_("butir DIP"), on_delete=models.CASCADE, related_name="entries"
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("halaman"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    document = models.ForeignKey(
        "core.SinergiDocument",
        verbose_name=_("dokumen"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The place for other things that satisfy an item, such as an APBDes year of sinergi.finance once
    # it exists: a generic link, so this app needs no key to an app built later. Set by code only.
    linked_type = models.ForeignKey(
        ContentType, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    linked_id = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    linked = GenericForeignKey("linked_type", "linked_id")
    note = models.CharField(_("catatan"), max_length=300, blank=True)
    updated_on = models.DateField(_("terakhir diperbarui"), null=True, blank=True)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("isian DIP")
        verbose_name_plural = _("isian DIP")
        constraints = [models.UniqueConstraint(fields=["village", "item"], name="ppid_dipentry_one_per_item")]

    def __str__(self):
        return f"{self.village_id}: {self.item_id}"

    @property
    def available(self) -> bool:
        return bool(self.page_id or self.document_id or self.linked_id)
