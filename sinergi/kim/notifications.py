"""Who hears about a report's transition, by e-mail and in the in-app list."""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_scopes import scope
from django_tasks import task

from sinergi.accounts.access import village_operators
from sinergi.kim.models import Notification, Report, ReportEvent

MESSAGES = {
    "submit": _("Laporan baru dari %(kim)s menunggu verifikasi: “%(title)s”."),
    "resubmit": _("Laporan dari %(kim)s sudah direvisi dan menunggu verifikasi lagi: “%(title)s”."),
    "request_revision": _("Laporan Anda “%(title)s” perlu revisi. Catatan desa: %(comment)s"),
    "approve_publish": _("Laporan Anda “%(title)s” sudah diterbitkan di website desa. Terima kasih!"),
    "approve_draft": _("Laporan Anda “%(title)s” disetujui dan sedang disunting sebelum terbit."),
    "reject": _("Laporan Anda “%(title)s” ditolak. Alasan: %(comment)s"),
    "publish_news": _("Berita dari laporan Anda “%(title)s” sudah terbit di website desa."),
}
# Named URLs of the two sides of a report; the e-mail links to whichever the recipient uses.
MEMBER_REPORT_URL = "kim:report_detail"
OPERATOR_REPORT_URL = "kim_admin:report_detail"
OPERATOR_QUEUE_URL = "kim_admin:queue"


def _url(name: str, *args) -> str:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


def notify_transition(report_id: int, event_id: int) -> None:
    from sinergi.regions.models import Village

    village = Village.objects.get(kim_report__pk=report_id)
    with scope(village=village):
        report = Report.objects.select_related("kim", "author__user").get(pk=report_id)
        event = ReportEvent.objects.get(pk=event_id)
        resubmitted = event.action == "submit" and event.from_state == Report.State.REVISION
        text = str(MESSAGES["resubmit" if resubmitted else event.action]) % {
            "kim": report.kim.name,
            "title": report.title,
            "comment": event.comment,
        }
        if event.action == "submit":
            recipients = [(user, _url(OPERATOR_REPORT_URL, report.pk)) for user in village_operators(village)]
        elif report.author.user_id:
            recipients = [(report.author.user, _url(MEMBER_REPORT_URL, report.pk))]
        else:
            recipients = []
        for user, url in recipients:
            notify(user, village, text, url=url, report=report)


def notify(user, village, message: str, *, url: str = "", report=None) -> Notification:
    notification = Notification.objects.create(
        user=user, village=village, report=report, message=message[:300], url=url, created_at=timezone.now()
    )
    if user.email:
        send_notification_email.enqueue(user.email, message, url)
    return notification


@task()
def send_notification_email(address: str, message: str, url: str) -> None:
    link = f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{url}" if url else settings.WAGTAILADMIN_BASE_URL
    send_mail(
        # A subject is one line: a comment typed with line breaks would make send_mail refuse it.
        subject=gettext("[Sinergi] %(message)s")
        % {"message": Truncator(" ".join(message.split())).chars(80)},
        message=f"{message}\n\n{link}\n",
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[address],
    )


@task()
def remind_operators_of_waiting_reports() -> int:
    """E-mail and notify each village's operators about reports waiting longer than the regency allows."""
    from django_scopes import scopes_disabled

    from sinergi.kim.models import KimSettings
    from sinergi.regions.models import Village

    sent = 0
    now = timezone.now()
    with scopes_disabled():
        waiting = (
            Report.objects.filter(state=Report.State.SUBMITTED)
            .values_list("village_id", flat=True)
            .distinct()
        )
        villages = Village.objects.filter(pk__in=list(waiting)).select_related("district__regency")
    for village in villages:
        days = KimSettings.for_regency(village.district.regency).review_reminder_days
        with scope(village=village):
            old = Report.objects.filter(
                state=Report.State.SUBMITTED, submitted_at__lt=now - datetime.timedelta(days=days)
            )
            count = old.count()
            if not count:
                continue
            text = gettext("%(count)s laporan KIM menunggu verifikasi lebih dari %(days)s hari.") % {
                "count": count,
                "days": days,
            }
            for user in village_operators(village):
                notify(user, village, text, url=_url(OPERATOR_QUEUE_URL))
                sent += 1
    return sent
