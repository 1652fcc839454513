"""Remind village operators of PPID requests and objections 3 working days before their deadline (daily).

`manage.py ppid_remind` hands the reminder to the task backend (see docs/operations.md);
`manage.py ppid_remind --now` runs it in this process, whatever the backend.
"""

from django.utils.translation import gettext_lazy

from sinergi.core.task_commands import TaskCommand
from sinergi.ppid.request_reminders import remind_ppid_deadlines


class Command(TaskCommand):
    help = gettext_lazy(
        "Ingatkan operator desa tentang permohonan informasi dan keberatan yang mendekati batas waktu."
    )
    task = remind_ppid_deadlines
