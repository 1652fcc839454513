"""Telling people what happened to a case: the citizen by e-mail (when they gave an address) and the
village's operators by e-mail, both through the task queue (django-tasks) so a slow mail server
never holds up the page.

The citizen's e-mail carries the tracking link and what changed, never their identity number or any
other personal data of the case (docs/security.md, "Citizen cases").
"""

from django.conf import settings
from django.core.mail import send_mail
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django_tasks import task

from sinergi.accounts.access import village_operators


def absolute(url: str) -> str:
    return f"{settings.BASE_URL.rstrip('/')}{url}" if url.startswith("/") else url


def one_line(text: str, length: int = 90) -> str:
    """A subject is one line: text typed with line breaks would make send_mail refuse it."""
    return Truncator(" ".join(str(text).split())).chars(length)


@task()
def send_case_email(address: str, subject: str, body: str) -> None:
    send_mail(
        subject=one_line(subject),
        message=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[address],
    )


def email_citizen(address: str, subject: str, lines: list[str], url: str = "") -> None:
    """Queue an e-mail to a citizen; nothing happens without an address."""
    if not address:
        return
    body = "\n\n".join([*lines, *([absolute(url)] if url else [])]) + "\n"
    send_case_email.enqueue(address, subject, body)


def email_operators(village, subject: str, lines: list[str], url: str = "") -> int:
    """Queue an e-mail to each operator of `village` who has an address; returns how many."""
    body = "\n\n".join([*lines, *([absolute(url)] if url else []), _("— Sinergi")]) + "\n"
    sent = 0
    for user in village_operators(village):
        if user.email:
            send_case_email.enqueue(user.email, subject, body)
            sent += 1
    return sent
