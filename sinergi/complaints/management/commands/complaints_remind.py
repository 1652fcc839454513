"""Remind village operators of complaints past their regency's verification or first-reply target
(daily, from a timer, like kim_remind).

`manage.py complaints_remind` hands the reminder to the task backend (see docs/operations.md);
`manage.py complaints_remind --now` runs it in this process, whatever the backend.
"""

from django.utils.translation import gettext_lazy

from sinergi.complaints.notifications import remind_operators_of_overdue_complaints
from sinergi.core.task_commands import TaskCommand


class Command(TaskCommand):
    help = gettext_lazy("Ingatkan operator desa tentang pengaduan yang melewati batas waktu.")
    task = remind_operators_of_overdue_complaints
