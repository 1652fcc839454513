"""Remind village operators of KIM reports waiting longer than their regency allows (daily, from a timer).

`manage.py kim_remind` hands the reminder to the task backend (see docs/operations.md);
`manage.py kim_remind --now` runs it in this process, whatever the backend.
"""

from django.utils.translation import gettext_lazy

from sinergi.core.task_commands import TaskCommand
from sinergi.kim.notifications import remind_operators_of_waiting_reports


class Command(TaskCommand):
    help = gettext_lazy("Ingatkan operator desa tentang laporan KIM yang menunggu verifikasi terlalu lama.")
    task = remind_operators_of_waiting_reports
