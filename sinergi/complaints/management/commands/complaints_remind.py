"""Remind village operators of complaints past their regency's verification or first-reply target
(daily, from cron, like kim_remind).

`manage.py complaints_remind` hands the reminder to the task backend (see docs/operations.md);
`manage.py complaints_remind --now` runs it in this process, whatever the backend.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks.base import TaskResultStatus

from sinergi.complaints.notifications import remind_operators_of_overdue_complaints


class Command(BaseCommand):
    help = gettext_lazy("Ingatkan operator desa tentang pengaduan yang melewati batas waktu.")

    def add_arguments(self, parser):
        parser.add_argument(
            "--now", action="store_true", help=gettext_lazy("Jalankan di proses ini, tanpa antrean.")
        )

    def handle(self, *args, now=False, **options):
        if now:
            sent = remind_operators_of_overdue_complaints.call()
            self.stdout.write(_("%(n)s pengingat dikirim.") % {"n": sent})
            return
        result = remind_operators_of_overdue_complaints.enqueue()
        if result.status == TaskResultStatus.SUCCESSFUL:
            self.stdout.write(_("%(n)s pengingat dikirim.") % {"n": result.return_value})
        elif result.status == TaskResultStatus.FAILED:
            raise CommandError(
                _("Pengingat gagal:\n%(error)s")
                % {"error": result.errors[-1].traceback if result.errors else ""}
            )
        else:
            self.stdout.write(
                _("Pengingat masuk antrean tugas (id %(id)s); `manage.py db_worker` yang menjalankannya.")
                % {"id": result.id}
            )
