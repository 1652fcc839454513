"""What the citizen and the operators hear about a complaint (through casework.notify, by e-mail).

The citizen's e-mail carries the tracking link and what changed; never their own contact data or
the description (docs/security.md, "Pengaduan dan aspirasi").
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scope, scopes_disabled
from django_tasks import task

from sinergi.casework.notify import email_citizen, email_operators
from sinergi.casework.tracking import display_code


def complaints_page(village):
    from sinergi.complaints.models import ComplaintsPage

    return ComplaintsPage.objects.filter(village=village).first()


def tracking_url(case) -> str:
    page = complaints_page(case.village)
    if page is None:
        return ""
    return page.get_url() + page.reverse_subpage("track", args=[case.tracking_code])


def notify_new(case_pk: int) -> None:
    from sinergi.complaints.models import Complaint

    with scopes_disabled():
        case = Complaint.objects.select_related("village").get(pk=case_pk)
    email_citizen(
        case.email,
        _("Pengaduan %(ref)s diterima") % {"ref": case.reference},
        [
            _("Pengaduan Anda kepada %(village)s sudah kami terima dengan nomor %(ref)s.")
            % {"village": case.village.name, "ref": case.reference},
            _("Kode lacak: %(code)s. Simpan kode ini untuk melihat perkembangannya.")
            % {"code": display_code(case.tracking_code)},
        ],
        tracking_url(case),
    )
    if not case.held:  # held items wait in the queue; an e-mail about spam would only be noise
        email_operators(
            case.village,
            _("Pengaduan baru %(ref)s") % {"ref": case.reference},
            [_("Pengaduan baru menunggu verifikasi: %(title)s") % {"title": case.title}],
            reverse("complaints_admin:case", args=[case.pk]),
        )


def notify_change(case_pk: int, event_pk: int) -> None:
    from sinergi.complaints.models import Complaint
    from sinergi.complaints.workflow import TABLE, state_label

    with scopes_disabled():
        case = Complaint.objects.select_related("village").get(pk=case_pk)
        event = case.events.get(pk=event_pk)
    if event.action in ("add_info", "confirm", "reopen"):
        email_operators(
            case.village,
            _("%(action)s: %(ref)s") % {"action": TABLE.label(event.action), "ref": case.reference},
            [case.title],
            reverse("complaints_admin:case", args=[case.pk]),
        )
        return
    if not event.public:
        return
    email_citizen(
        case.email,
        _("Perkembangan pengaduan %(ref)s") % {"ref": case.reference},
        [
            _("%(action)s. Status sekarang: %(state)s.")
            % {"action": TABLE.label(event.action), "state": state_label(case.state)},
            *([event.comment] if event.comment else []),
        ],
        tracking_url(case),
    )


@task()
def remind_operators_of_overdue_complaints() -> int:
    """E-mail each village's operators about complaints past the regency's verification or reply target."""
    from sinergi.complaints.models import Complaint
    from sinergi.regions.models import Village

    today = timezone.localdate()
    sent = 0
    with scopes_disabled():
        late = Complaint.objects.filter(held=False, first_reply_at__isnull=True).filter(
            state__in=[Complaint.State.RECEIVED, Complaint.State.VERIFIED]
        )
        rows = list(late.values_list("village_id", "state", "verify_due", "reply_due"))
    counts: dict[int, int] = {}
    for village_id, state, verify_due, reply_due in rows:
        if (state == Complaint.State.RECEIVED and verify_due and verify_due < today) or (
            reply_due and reply_due < today
        ):
            counts[village_id] = counts.get(village_id, 0) + 1
    for village in Village.objects.filter(pk__in=counts):
        with scope(village=village.pk):
            sent += email_operators(
                village,
                _("%(n)s pengaduan melewati batas waktu") % {"n": counts[village.pk]},
                [
                    _("%(n)s pengaduan warga belum diverifikasi atau belum ditanggapi melewati batas waktu.")
                    % {"n": counts[village.pk]}
                ],
                reverse("complaints_admin:queue") + "?terlambat=1",
            )
    return sent
