"""The body of the daily management commands that hand one task to the task backend (reminders).

`manage.py <command>` enqueues the task: with the database backend the worker (`db_worker`) runs it,
with the immediate backend it has run by the time `enqueue` returns, and its result is printed either
way. `--now` runs it in this process, whatever the backend (docs/operations.md).
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks.base import TaskResultStatus


class SinergiCommand(BaseCommand):
    """A management command whose help texts are translatable (gettext_lazy): argparse needs plain
    strings, so they are rendered, in the active language, when the parser is made (`--help` failed
    with a TypeError before)."""

    def create_parser(self, prog_name, subcommand, **kwargs):
        self.help = str(self.help)
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        for action in parser._actions:
            if action.help is not None and not isinstance(action.help, str):
                action.help = str(action.help)
        return parser


class TaskCommand(SinergiCommand):
    """Subclasses set `task` (a django-tasks task returning how many messages it sent) and `help`."""

    task = None

    def add_arguments(self, parser):
        parser.add_argument(
            "--now", action="store_true", help=gettext_lazy("Jalankan di proses ini, tanpa antrean.")
        )

    def handle(self, *args, now=False, **options):
        if now:
            self.stdout.write(_("%(n)s pengingat dikirim.") % {"n": self.task.call()})
            return
        result = self.task.enqueue()
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
