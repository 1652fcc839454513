"""Forget what is only kept for a while (daily, from cron): old report send keys and expired throttle counters.

A send key is kept KIM_SEND_KEY_DAYS days (default 30): a copy of a send arriving later than that (a
phone offline for over a month) would be saved again. See docs/operations.md.
"""

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sinergi.core import throttle
from sinergi.core.task_commands import SinergiCommand
from sinergi.kim.services import prune_sends


class Command(SinergiCommand):
    help = gettext_lazy("Hapus kunci pengiriman laporan KIM yang lama dan penghitung batas yang kedaluwarsa.")

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=getattr(settings, "KIM_SEND_KEY_DAYS", 30),
            help=gettext_lazy("Simpan kunci pengiriman selama sekian hari (bawaan: 30)."),
        )

    def handle(self, *args, days, **options):
        sends, counters = prune_sends(days), throttle.prune()
        self.stdout.write(
            _("%(sends)s kunci pengiriman dan %(counters)s penghitung batas dihapus.")
            % {"sends": sends, "counters": counters}
        )
