"""Demo complaints: each Marang Kayu village gets a dozen cases across categories and states, with
the village's public replies (idempotent: a village that has complaints is left alone)."""

import datetime as dt

from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scope

from sinergi.casework.calendar import WorkingCalendar
from sinergi.casework.workflow import CITIZEN, OPERATOR
from sinergi.complaints.models import Complaint, ComplaintCategory, ComplaintSettings
from sinergi.complaints.services import submit
from sinergi.complaints.workflow import act, set_due_dates
from sinergi.demo import data
from sinergi.demo.kim_content import refuse_in_production
from sinergi.regions.models import Regency, Village

S = Complaint.State
# (days ago, kind, category, title, description, place, name shown?, path of actions)
CASES = [
    (40, "pengaduan", "infrastruktur", "Gorong-gorong RT 05 tersumbat", "Setiap hujan air meluap ke jalan "
     "dan masuk ke dua rumah warga.", "RT 05, depan musala", True, ["verify", "follow_up", "resolve", "confirm"]),
    (35, "pengaduan", "bantuan-sosial", "BLT Dana Desa bulan lalu belum cair", "Tiga keluarga penerima di RT 02 "
     "belum menerima BLT bulan lalu.", "RT 02", False, ["verify", "follow_up", "resolve"]),
    (30, "aspirasi", "pendidikan", "Usulan taman baca di balai desa", "Anak-anak butuh tempat membaca sepulang "
     "sekolah; kami siap menjaga bergiliran.", "Balai desa", True, ["verify", "reply"]),
    (26, "pengaduan", "lingkungan", "Sampah menumpuk di tepi sungai", "Tumpukan sampah plastik di bawah "
     "jembatan makin tinggi.", "Bawah jembatan dusun 2", False, ["verify", "follow_up"]),
    (21, "pengaduan", "kesehatan", "Posyandu tidak buka dua bulan", "Jadwal posyandu di dusun kami tidak "
     "berjalan sejak kader pindah.", "Dusun 3", False, ["verify", "follow_up"]),
    (18, "pengaduan", "keamanan-dan-ketertiban", "Lampu jalan poros mati", "Jalan poros gelap sepanjang 300 "
     "meter, rawan kecelakaan.", "Jalan poros km 2", True, ["verify", "follow_up", "resolve"]),
    (15, "pengaduan", "infrastruktur", "Jalan tani berlubang", "Jalan tani menuju sawah berlubang besar, "
     "motor pengangkut gabah sulit lewat.", "Jalan tani blok C", False, ["verify"]),
    (12, "pengaduan", "pelayanan-administrasi", "Surat pengantar KTP lama diproses", "Sudah seminggu "
     "menunggu surat pengantar.", "Kantor desa", False, ["reject:tidak_jelas"]),
    (10, "pengaduan", "infrastruktur", "Jalan provinsi retak", "Aspal jalan provinsi di batas desa retak "
     "panjang.", "Batas desa", False, ["reject:bukan_kewenangan"]),
    (6, "aspirasi", "lainnya", "Usulan lomba kebersihan antar-RT", "Agar warga kompak menjaga lingkungan "
     "menjelang hari jadi desa.", "", True, ["verify", "forward"]),
    (3, "pengaduan", "lingkungan", "Bau limbah dari kolam", "Bau menyengat tiap sore dari kolam dekat "
     "permukiman.", "RT 07", False, []),
    (1, "pengaduan", "infrastruktur", "Jembatan kayu RT 03 lapuk", "Papan jembatan kayu mulai patah, "
     "anak sekolah lewat setiap hari.", "RT 03", False, []),
]  # fmt: skip
NAMES = ["Siti Aminah", "Budi Santoso", "Rahmawati", "Andi Saputra", "Nurhayati", "Yusuf"]
REPLIES = {
    "follow_up": "Terima kasih. Petugas desa sudah meninjau lokasi; pekerjaan dijadwalkan minggu ini.",
    "reply": "Usulan ini akan kami bawa ke musyawarah desa berikutnya.",
    "resolve": "Pekerjaan sudah selesai dan diperiksa bersama ketua RT.",
    "confirm": "",
    "forward": "Diteruskan ke kecamatan karena melibatkan beberapa desa.",
    "reject:tidak_jelas": "Mohon datang ke kantor desa membawa berkas; kami bantu langsung.",
    "reject:bukan_kewenangan": "Jalan ini kewenangan provinsi.",
}


def load_complaints_demo(stdout, *, now: dt.datetime | None = None) -> int:
    """Create the demo complaints (idempotent); returns how many were created."""
    refuse_in_production()
    now = now or timezone.now()
    regency = Regency.objects.get(code=data.REGENCY_CODE)
    categories = {c.slug: c for c in ComplaintCategory.for_regency(regency)}
    calendar, settings = WorkingCalendar(regency), ComplaintSettings.for_regency(regency)
    created = 0
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        for village in Village.objects.filter(district__code=data.DISTRICT_CODE).select_related(
            "district__regency"
        ):
            with scope(village=village.pk):
                if Complaint.objects.filter(village=village).exists():
                    continue
            for n, (days, kind, slug, title, text, place, show, path) in enumerate(CASES):
                with transaction.atomic():
                    _case(
                        village,
                        n,
                        days,
                        kind,
                        categories[slug],
                        title,
                        text,
                        place,
                        show,
                        path,
                        now,
                        calendar,
                        settings,
                    )
                created += 1
    stdout.write(_("Pengaduan demo dimuat: %(n)s pengaduan.") % {"n": created})
    return created


def _case(village, n, days, kind, category, title, text, place, show, path, now, calendar, settings):
    fields = {
        "kind": kind,
        "category": category,
        "title": title,
        "description": text,
        "location_text": place,
        "name": NAMES[n % len(NAMES)],
        "show_name": show,
        "may_publish": True,
    }
    case = submit(village, fields, (), (), calendar=calendar, settings=settings)
    received = now - dt.timedelta(days=days)
    with scope(village=village.pk):
        case.received_at = received
        set_due_dates(case, calendar, settings)
        Complaint.objects.filter(pk=case.pk).update(
            received_at=received, verify_due=case.verify_due, reply_due=case.reply_due
        )
        case.events.update(created_at=received)
    for action in path:
        name, _sep, reason = action.partition(":")
        role = CITIZEN if name == "confirm" else OPERATOR
        case, _event = act(
            case,
            name,
            roles={role},
            comment=REPLIES.get(action, ""),
            expected_on=timezone.localdate(now) + dt.timedelta(days=10),
            rejection=reason,
            redirect_to="Dinas PUPR Provinsi Kalimantan Timur" if reason == "bukan_kewenangan" else "",
            forwarded_to="kecamatan",
        )
    return case
