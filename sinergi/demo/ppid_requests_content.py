"""Demo PPID requests for every village of Marang Kayu: a few in every state, one overdue, one
extended, one with an objection. The village's demo operator acts as PPID (and as atasan PPID).
Idempotent: a village that already has requests is left alone."""

import datetime as dt

from django.test import override_settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from sinergi.demo import data
from sinergi.demo.content import refuse_in_production
from sinergi.demo.kim_content import demo_reviewer
from sinergi.ppid.request_models import InformationRequest
from sinergi.ppid.request_services import act_on_request, submit_objection, submit_request
from sinergi.regions.models import Village

REQUESTER = {
    "nik": "",
    "address": "RT 01",
    "phone": "081200000000",
    "email": "",
    "purpose": "Pengawasan penggunaan dana desa",
    "form": "mencatat",
    "copy": "softcopy",
    "delivery": "langsung",
}
LONG_WEEKEND_VILLAGE = "64.02.17.2001"  # Sebuntal
LONG_WEEKEND_REQUEST = timezone.make_aware(dt.datetime(2026, 5, 29, 10, 0))
# (days ago received, information asked, what happens: action and comment)
STORIES = [
    (2, "Jadwal musyawarah desa bulan ini", None),
    (25, "Daftar penerima BLT Dana Desa tahun ini", "overdue"),
    (12, "Rincian Alokasi Dana Desa dan penggunaannya", "extend"),
    (9, "APB Desa tahun berjalan", "grant"),
    (15, "Laporan realisasi pembangunan jalan usaha tani", "partly_grant"),
    (14, "Salinan KTP seluruh perangkat desa", "refuse"),
    (11, "Data sertifikat tanah milik warga", "not_held"),
    (8, "Notulen rapat BPD tentang aset desa", "objection"),
]
COMMENTS = {
    "extend": "Dokumen sedang dikumpulkan dari bendahara dan arsip kecamatan.",
    "grant": "APB Desa tahun berjalan terlampir dan juga tersedia di papan informasi desa.",
    "partly_grant": "Laporan realisasi kami berikan; rincian kontrak pihak ketiga masih dalam audit.",
    "refuse": "KTP perangkat desa memuat data pribadi yang dikecualikan.",
    "not_held": "Data sertifikat tanah dikuasai Kantor Pertanahan Kabupaten.",
    "objection": "Notulen memuat pembahasan yang belum final.",
}


def load_ppid_request_demo(stdout, *, now: dt.datetime | None = None) -> int:
    refuse_in_production()
    now = now or timezone.now()
    made = 0
    villages = Village.objects.filter(district__code=data.DISTRICT_CODE).select_related(
        "district__regency", "page"
    )
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        for index, village in enumerate(villages):
            with scopes_disabled():
                if InformationRequest.objects.filter(village=village).exists():
                    continue
            operator = demo_reviewer(village)
            for n, (days, information, story) in enumerate(STORIES):
                received = now - dt.timedelta(days=days, hours=index)
                fields = {
                    **REQUESTER,
                    "requester_name": f"Warga {village.name} {n + 1}",
                    "information": information,
                }
                if n == 0:
                    fields.update(organisation="Karang Taruna", nik="")
                case = submit_request(village, fields, now=received)
                made += 1
                if story in (None, "overdue"):
                    continue
                action = "refuse" if story == "objection" else story
                case, _event = act_on_request(
                    case,
                    action,
                    user=operator,
                    comment=COMMENTS[story],
                    grounds=["17h"] if action == "refuse" else [],
                    held_elsewhere="Kantor Pertanahan Kabupaten" if action == "not_held" else "",
                )
                if story == "objection":
                    submit_objection(
                        case,
                        {
                            "grounds": ["35a"],
                            "reasons": "Notulen rapat BPD bukan informasi yang dikecualikan.",
                        },
                    )
            if village.code == LONG_WEEKEND_VILLAGE and now > LONG_WEEKEND_REQUEST:
                # Received on the Friday before the long weekend of 2026 (1 June, Hari Lahir Pancasila):
                # the register shows it due on Monday 15 June 2026.
                case = submit_request(
                    village,
                    {**REQUESTER, "requester_name": "Warga Sebuntal", "information": "RKP Desa tahun 2026"},
                    now=LONG_WEEKEND_REQUEST,
                )
                act_on_request(case, "grant", user=operator, comment="RKP Desa 2026 terlampir.")
                made += 1
            # One request still waiting as suspected spam, for the operator to release or delete.
            submit_request(
                village,
                {
                    **REQUESTER,
                    "requester_name": "Promo",
                    "information": "slotgacor https://a.xyz https://b.xyz",
                },
                held_reasons=["judi_online", "banyak_tautan"],
                now=now - dt.timedelta(hours=3),
            )
            made += 1
    stdout.write(_("Permohonan informasi PPID demo dimuat: %(n)s permohonan.") % {"n": made})
    return made
