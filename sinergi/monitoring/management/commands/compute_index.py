"""`manage.py compute_index`: the nightly scores of every village (docs/operations.md)."""

import datetime as dt
import time

from django.core.management.base import CommandError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sinergi.core.task_commands import SinergiCommand
from sinergi.monitoring.compute import compute_scores, prune
from sinergi.regions.models import Regency


class Command(SinergiCommand):
    help = gettext_lazy(
        "Hitung indeks keterbukaan semua desa untuk hari ini (atau --day), lalu rapikan arsip: "
        "nilai harian disimpan setahun, sesudahnya satu per bulan."
    )

    def add_arguments(self, parser):
        parser.add_argument("--regency", help=gettext_lazy("Kode kabupaten (bawaan: semua)."))
        parser.add_argument("--day", help=gettext_lazy("Tanggal YYYY-MM-DD (bawaan: hari ini)."))
        parser.add_argument("--no-prune", action="store_true", help=gettext_lazy("Jangan rapikan arsip."))

    def handle(self, *args, regency=None, day=None, no_prune=False, **options):
        try:
            day = dt.date.fromisoformat(day) if day else timezone.localdate()
        except ValueError as error:
            raise CommandError(_("Tanggal tidak sah: %(day)s") % {"day": day}) from error
        regencies = Regency.objects.order_by("code")
        if regency:
            regencies = regencies.filter(code=regency)
            if not regencies.exists():
                raise CommandError(_("Kabupaten %(code)s tidak ada.") % {"code": regency})
        for item in regencies:
            started = time.perf_counter()
            n = compute_scores(item, day)
            self.stdout.write(
                _("%(regency)s: %(n)s desa dinilai untuk %(day)s dalam %(s).1f detik.")
                % {"regency": item.name, "n": n, "day": day.isoformat(), "s": time.perf_counter() - started}
            )
        if not no_prune:
            self.stdout.write(_("%(n)s nilai lama dihapus.") % {"n": prune(day)})
