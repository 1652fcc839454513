"""KIM demo content for the 11 desa of Kecamatan Marang Kayu: a KIM per village with its members,
reports in every state of the workflow, dissemination activities, and two member accounts of
Sebuntal's KIM (`kim.sebuntal`, `ketua-kim.sebuntal`).

Reports go through the real path: `services.save_report` (photos cleaned of metadata) and
`workflow.do_transition` (timeline, news page credited to the KIM and the member, notifications);
afterwards only their dates are moved into the past, so the queue shows ages and the figures have
months to count. A village that already has a KIM is left alone: running it again creates nothing.
Names of people, phone numbers and events are invented; the reports' text is content, not translated.
"""

import datetime as dt
import random
import uuid
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_scopes import scope
from lokal import parse_phone
from wagtail.models import Page, Revision

from sinergi.accounts.access import village_operators
from sinergi.accounts.services import make_regency_admin
from sinergi.demo import data, images
from sinergi.demo.content import refuse_in_production
from sinergi.kim.models import Activity, Kim, KimClassification, KimMember, KimSettings, Report, ReportEvent
from sinergi.kim.services import save_report
from sinergi.kim.workflow import do_transition
from sinergi.regions.models import Regency, Village
from sinergi.villages.models import NewsCategory, NewsIndexPage

# Regency-configured classes: any KIM level is the regency's own choice (docs/domain.md, "KIM").
CLASSIFICATIONS = [("Pemula", 1), ("Madya", 2), ("Utama", 3)]
CLASS_OF_VILLAGE = ["Madya", "Pemula", "Madya", "Pemula", "Utama", "Pemula", "Madya", "Pemula", "Pemula", "Madya",
                    "Pemula"]  # fmt: skip
MEMBER_COUNTS = [6, 5, 7, 4, 8, 5, 6, 4, 7, 5, 6]
DEMO_MEMBER_VILLAGE = "64.02.17.2001"  # Sebuntal: its two member accounts get the demo password
DEMO_ACCOUNTS = [
    ("kim.sebuntal", gettext_lazy("Anggota KIM Sebuntal Bersatu")),
    ("ketua-kim.sebuntal", gettext_lazy("Ketua KIM Sebuntal Bersatu")),
]
PHOTO_SIZE = (960, 640)

REVISION_REBANA = (
    "Terima kasih, ceritanya menarik. Mohon tambahkan nama pelatih dan jumlah peserta, lalu pastikan orang "
    "tua anak-anak yang ada di foto sudah mengizinkan fotonya diterbitkan."
)
REVISION_VOLI = "Judulnya sudah baik. Tolong tambahkan hasil pertandingan final dan siapa juaranya."
REJECTION = (
    "Laporan ini berisi iklan jual beli pribadi, bukan kabar kegiatan warga, jadi tidak kami terbitkan sebagai "
    "berita. Silakan titipkan di papan pengumuman kantor desa."
)

TOPICS = {
    "kebersihan": {
        "category": "kemasyarakatan",
        "scene": "village",
        "title": "Warga {dusun} Bersiap Ikuti Lomba Kebersihan Antar-RT",
        "body": (
            "Warga {dusun} mulai membersihkan pekarangan, mengecat pagar dan menanam bunga di depan rumah sejak "
            "Minggu pagi. Kegiatan ini persiapan lomba kebersihan antar-RT yang digelar Pemerintah {desa} bulan depan.",
            "(Catatan penulis: nama ketua RT dan jumlah warga yang ikut belum saya tanyakan.)",
        ),
        "photos": 0,
    },
    "saluran": {
        "category": "pembangunan",
        "scene": "village",
        "title": "Jelang Musim Hujan, Warga {dusun} Gotong Royong Bersihkan Saluran Air",
        "body": (
            "Puluhan warga {dusun} bergotong royong membersihkan saluran air di sepanjang jalan lingkungan pada "
            "Minggu pagi. Lumpur, sampah plastik dan rumput yang menutup saluran diangkat dan dibawa ke tempat "
            "pembuangan sementara dengan gerobak milik warga.",
            "Ketua RT setempat, {warga}, mengatakan kerja bakti ini rutin digelar menjelang musim hujan. \u201cKalau "
            "saluran tersumbat, air hujan naik ke jalan dan masuk ke rumah warga yang letaknya rendah,\u201d ujarnya.",
            "Ibu-ibu menyiapkan teh manis dan kue untuk warga yang bekerja. Pemerintah {desa} meminjamkan cangkul dan "
            "karung, dan berencana memperbaiki dua gorong-gorong yang rusak tahun ini.",
        ),
        "photos": 2,
    },
    "panen": {
        "category": "pertanian-perikanan",
        "scene": "harvest",
        "title": "{kelompok} Panen {panen}",
        "body": (
            "Anggota {kelompok} memanen {panen_apa} di {panen_tempat} pada Sabtu pagi. Hasilnya {panen_hasil}. "
            "{panen_catatan}",
            "Ketua kelompok, {warga}, mengatakan kendala terbesar musim ini adalah {panen_kendala}. Kelompok berharap "
            "pendampingan penyuluh {panen_penyuluh} terus berlanjut agar hasil musim depan lebih baik lagi.",
        ),
        "photos": 1,
    },
    "rebana": {
        "category": "seni-budaya",
        "scene": "hall",
        "title": "Remaja {masjid} Rutin Latihan Rebana Jelang Peringatan Maulid",
        "body": (
            "Setiap Jumat malam, remaja {masjid} berlatih rebana di serambi masjid. Mereka menyiapkan penampilan "
            "untuk peringatan Maulid Nabi yang akan digelar warga {desa}.",
            "Latihan dimulai setelah salat Isya dan berlangsung sekitar dua jam. Anak-anak yang baru bergabung "
            "belajar pukulan dasar, sedangkan yang sudah mahir berlatih lagu-lagu baru.",
        ),
        "photos": 1,
    },
    "posyandu": {
        "category": "kesehatan",
        "scene": "village",
        "title": "Posyandu {posyandu} Layani Puluhan Balita dan Ibu Hamil",
        "body": (
            "Posyandu {posyandu} {desa} menggelar pelayanan bulanan pada Selasa pagi di {dusun}. Sebanyak 46 balita "
            "dan 7 ibu hamil datang untuk ditimbang, diukur tinggi badannya dan diperiksa kesehatannya.",
            "Kader posyandu, {kader}, menjelaskan bahwa hasil penimbangan dicatat di buku KIA dan dilaporkan ke "
            "Puskesmas Marang Kayu. \u201cBalita yang berat badannya tidak naik dua bulan berturut-turut kami kunjungi "
            "ke rumahnya,\u201d ujarnya.",
            "Selain penimbangan, ibu-ibu PKK menyiapkan makanan tambahan berupa bubur kacang hijau dan telur rebus. "
            "Pemerintah desa menganggarkan insentif kader dan makanan tambahan dari Dana Desa sebagai bagian dari "
            "upaya pencegahan stunting.",
        ),
        "photos": 2,
    },
    "voli": {
        "category": "kemasyarakatan",
        "scene": "sport",
        "title": "{karang_taruna} Gelar Turnamen Bola Voli Antar-Dusun",
        "body": (
            "{karang_taruna} menggelar turnamen bola voli antar-dusun di {lapangan} selama sepekan. Enam tim putra "
            "dan empat tim putri ikut bertanding setiap sore, ditonton ratusan warga.",
            "Ketua panitia, {warga}, mengatakan turnamen ini untuk mempererat persaudaraan antardusun dan mencari "
            "bibit atlet yang akan dikirim ke turnamen tingkat kecamatan.",
        ),
        "revised": (
            "Pada laga final putra, tim {dusun} menang 3-1 atas tim {dusun_lain}. Di final putri, tim {dusun_lain} "
            "menjadi juara setelah menang 3-2 dalam pertandingan yang berlangsung hingga menjelang magrib.",
        ),
        "photos": 2,
    },
    "gerai": {
        "category": "pemberdayaan",
        "scene": "market",
        "title": "{bumdes} Buka Gerai Produk Olahan Warga di Balai Desa",
        "body": (
            "{bumdes} membuka gerai produk olahan warga di balai {desa}. Di gerai ini warga bisa membeli "
            "{olahan} buatan ibu-ibu kelompok usaha dengan harga yang sama dengan di rumah produksi.",
            "Pengelola gerai, {kader}, mengatakan produk dititipkan oleh dua belas pelaku usaha. Gerai buka setiap "
            "hari kerja dan akan hadir di pasar murah kecamatan bulan depan.",
        ),
        "photos": 1,
    },
    "iklan": {
        "category": "kemasyarakatan",
        "scene": "market",
        "title": "Dijual Cepat Sepeda Motor Bekas Kondisi Mulus, Surat Lengkap",
        "body": (
            "Dijual cepat sepeda motor bekas tahun 2019, kondisi mulus, pajak hidup, surat lengkap. Harga bisa nego. "
            "Yang berminat silakan datang ke rumah saya di {dusun}.",
        ),
        "photos": 1,
    },
    "masjid": {
        "category": "kemasyarakatan",
        "scene": "hall",
        "title": "Warga Bergotong Royong Bersihkan {masjid} Menjelang Ramadan",
        "body": (
            "Puluhan warga {desa} membersihkan {masjid} pada Minggu pagi. Karpet dijemur, kipas angin dan lampu "
            "dibersihkan, dan halaman masjid dicat ulang menjelang bulan Ramadan.",
            "Ketua takmir, {warga}, berterima kasih kepada warga yang datang membawa peralatan sendiri. Menurutnya, "
            "kerja bakti ini juga menjadi ajang silaturahmi warga dari dusun-dusun yang jarang bertemu.",
        ),
        "photos": 1,
    },
    "pelatihan": {
        "category": "kim",
        "scene": "hall",
        "title": "{kim} Ikuti Pelatihan Menulis Berita Desa",
        "body": (
            "Anggota {kim} mengikuti pelatihan menulis berita yang diselenggarakan Diskominfo Kutai Kartanegara di "
            "Kantor Camat Marang Kayu. Peserta belajar menulis berita yang menjawab apa, siapa, kapan, di mana, "
            "mengapa dan bagaimana.",
            "Peserta juga berlatih memotret kegiatan warga dengan telepon genggam dan meminta izin orang yang "
            "difoto. Setelah pelatihan, anggota KIM mengirim laporan kegiatan warga untuk website desa.",
        ),
        "photos": 1,
    },
    "lampu": {
        "category": "pembangunan",
        "scene": "village",
        "title": "Lampu Jalan Tenaga Surya Mulai Terpasang di {dusun_lain}",
        "body": (
            "Dua belas lampu jalan tenaga surya mulai terpasang di {dusun_lain}. Pemasangan dikerjakan tim "
            "pelaksana kegiatan desa dengan melibatkan warga setempat sebagai pekerja.",
            "Warga menyambut baik lampu baru ini karena jalan menuju kebun dan sekolah sebelumnya gelap pada malam "
            "hari. Pemerintah {desa} membiayai pemasangan dari Dana Desa tahun ini.",
        ),
        "photos": 1,
    },
}

# One story per report: the topic, then each step as (action, days ago, comment). Together they put a
# report in every state: draft, submitted (one over the 3-day reminder), revision, published (one
# after a revision), approved as a news draft, rejected.
STORIES = [
    ("kebersihan", "member", []),
    ("saluran", "member", [("submit", 4.2, "")]),
    ("panen", "lead", [("submit", 0.3, "")]),
    ("rebana", "member", [("submit", 6.1, ""), ("request_revision", 5.8, REVISION_REBANA)]),
    ("posyandu", "member", [("submit", 24.0, ""), ("approve_publish", 23.7, "")]),
    ("voli", "lead", [("submit", 52.0, ""), ("request_revision", 51.6, REVISION_VOLI), ("submit", 50.2, ""),
                      ("approve_publish", 49.9, "")]),
    ("gerai", "member", [("submit", 3.0, ""), ("approve_draft", 2.6, "")]),
    ("iklan", "member", [("submit", 12.0, ""), ("reject", 11.7, REJECTION)]),
]  # fmt: skip
# Older published reports, 0 to 3 per village, so that villages differ in the figures.
EXTRA_STORIES = [
    ("masjid", "member", [("submit", 75.0, ""), ("approve_publish", 74.6, "")]),
    ("pelatihan", "lead", [("submit", 95.0, ""), ("approve_publish", 94.2, "")]),
    ("lampu", "member", [("submit", 115.0, ""), ("approve_publish", 114.8, "")]),
]

ACTIVITIES = [
    (Activity.Kind.DISSEMINATION, "Sosialisasi APBDes di Posyandu {posyandu}",
     "Sosialisasi APBDes di Posyandu {posyandu}: pendapatan desa, belanja per bidang dan cara warga menyampaikan "
     "pengaduan. Peserta menerima lembar ringkasan APBDes.", 34, 9),
    (Activity.Kind.ACCESS, "{masjid}",
     "Memperbarui papan informasi desa di depan {masjid} dengan jadwal posyandu, ringkasan APBDes dan nomor "
     "pengaduan desa.", 120, 20),
    (Activity.Kind.DISCUSSION, "Balai {dusun}",
     "Diskusi warga {dusun} tentang jadwal pengangkutan sampah dan lokasi tempat pembuangan sementara.", 27, 33),
    (Activity.Kind.ASPIRATION, "Kantor {desa}",
     "Menampung usulan warga untuk Musyawarah Desa penyusunan RKP Desa: drainase, lampu jalan dan pelatihan usaha.",
     41, 47),
    (Activity.Kind.NETWORKING, "Kantor Camat Marang Kayu",
     "Pertemuan KIM se-Kecamatan Marang Kayu bersama Diskominfo Kutai Kartanegara: berbagi cara menulis berita "
     "desa yang lengkap dan memilih foto yang layak terbit.", 22, 64),
]  # fmt: skip


@dataclass
class KimDemoAccount:
    username: str
    role: str
    sign_in: str


@dataclass
class KimDemoResult:
    kims: int = 0
    members: int = 0
    reports: int = 0
    activities: int = 0
    existing: int = 0
    accounts: list[KimDemoAccount] = field(default_factory=list)


def load_kim_demo(stdout, *, now: dt.datetime | None = None) -> KimDemoResult:
    """Create the KIM demo content of Marang Kayu (idempotent) and write a summary to `stdout`."""
    refuse_in_production()
    now = now or timezone.now()
    regency = Regency.objects.get(code=data.REGENCY_CODE)
    villages = {
        v.code: v for v in Village.objects.filter(district__code=data.DISTRICT_CODE).select_related("page")
    }
    rules = KimSettings.for_regency(regency)
    if not rules.forbid_civil_servants:
        rules.forbid_civil_servants = True
        rules.save(update_fields=["forbid_civil_servants"])
    classes = {
        name: KimClassification.objects.get_or_create(regency=regency, name=name, defaults={"order": order})[
            0
        ]
        for name, order in CLASSIFICATIONS
    }
    result = KimDemoResult()
    # The e-mails that the workflow sends would go to invented addresses: keep them in memory. The
    # in-app notifications are made as usual.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        for index, spec in enumerate(data.VILLAGES):
            village = villages[spec.code]
            with transaction.atomic(), scope(village=village):
                if Kim.objects.filter(village=village).exists():
                    result.existing += 1
                else:
                    VillageKim(village, spec, index, classes[CLASS_OF_VILLAGE[index]], now, result).load()
    _describe(stdout, result)
    return result


def _describe(stdout, result: KimDemoResult) -> None:
    if result.kims:
        stdout.write(
            _(
                "KIM demo dimuat: %(kims)s KIM, %(members)s anggota, %(reports)s laporan, %(activities)s kegiatan."
            )
            % {
                "kims": result.kims,
                "members": result.members,
                "reports": result.reports,
                "activities": result.activities,
            }
            + "\n"
        )
    else:
        stdout.write(_("KIM demo sudah ada, tidak ada yang diubah.") + "\n")
    stdout.write("\n" + _("Akun demo KIM") + "\n")
    user_model = get_user_model()
    for username, role in DEMO_ACCOUNTS:
        user = user_model.objects.select_related("kim_member").filter(username=username).first()
        if user is None:
            continue
        member = user.kim_member
        # What to type where comes first: a new user reads the first line and tries it.
        stdout.write(f"  {username}\n")
        stdout.write(
            _("    masuk di   : /kim/masuk/ dengan nama pengguna %(username)s (atau nomor HP %(phone)s)")
            % {"username": username, "phone": member.phone}
            + "\n"
        )
        stdout.write(_("    kata sandi : %(password)s") % {"password": data.DEMO_PASSWORD} + "\n")
        stdout.write(_("    peran      : %(role)s") % {"role": role} + "\n")
        if member.email:
            stdout.write(
                _("    surel      : %(email)s (bisa juga untuk masuk)") % {"email": member.email} + "\n"
            )
        result.accounts.append(KimDemoAccount(username, role, member.phone))


class VillageKim:
    """Everything of one village's KIM; runs inside the village's scope and transaction."""

    def __init__(self, village, spec, index, classification, now, result):
        self.village, self.spec, self.index = village, spec, index
        self.classification, self.now, self.result = classification, now, result
        self.slug = slugify(spec.name)
        self.rng = random.Random(f"{spec.code}:kim")
        self.reviewer = demo_reviewer(village)
        index_page = NewsIndexPage.objects.child_of(village.page).first()
        self.categories = (
            {c.slug: c for c in NewsCategory.objects.filter(page=index_page)} if index_page else {}
        )

    def load(self):
        self.kim = self.make_kim()
        self.members = self.make_members()
        self.lead = self.members[0]
        self.writer = next(m for m in self.members if m.position == KimMember.Position.MEMBER)
        for topic, author, steps in STORIES + EXTRA_STORIES[: self.index % 4]:
            self.make_report(topic, self.lead if author == "lead" else self.writer, steps)
        shown = ACTIVITIES[: 3 + self.index % 3]
        for n, (kind, place, description, people, days_ago) in enumerate(shown):
            # The village has shown all but one, which waits in the operator's review list.
            reviewed = n > 0
            Activity.objects.create(
                kim=self.kim, kind=kind, date=(self.now - dt.timedelta(days=days_ago + self.index % 4)).date(),
                place=self.fill(place), people_reached=people + self.index, description=self.fill(description),
                recorded_by=self.members[1],
                review=Activity.Review.PUBLIC if reviewed else Activity.Review.PENDING,
                reviewed_at=self.now if reviewed else None, reviewed_by=self.reviewer if reviewed else None,
            )  # fmt: skip
            self.result.activities += 1

    # ----------------------------------------------------------------- text

    def fill(self, text: str) -> str:
        spec, hamlets = self.spec, self.spec.hamlets
        harvest = spec.harvest
        return text.format(
            desa=f"Desa {spec.name}", dusun=hamlets[0], dusun_lain=hamlets[1 % len(hamlets)],
            posyandu=spec.posyandu, masjid=spec.mosque, kelompok=spec.group, karang_taruna=spec.youth,
            bumdes=spec.bumdes, lapangan=spec.sports_field, olahan=spec.processed, kim=spec.kim,
            warga=self.extra_names[0], kader=self.extra_names[1], panen=harvest.title, panen_apa=harvest.what,
            panen_tempat=harvest.where, panen_hasil=harvest.result, panen_catatan=harvest.note,
            panen_kendala=harvest.obstacle, panen_penyuluh=harvest.extension,
        )  # fmt: skip

    def names(self, count: int) -> list[tuple[str, bool]]:
        pool = [(n, False) for n in data.MALE_NAMES[self.spec.names]] + [
            (n, True) for n in data.FEMALE_NAMES[self.spec.names]
        ]
        pool = [(n, f) for n, f in pool if n not in self.spec.head]
        self.rng.shuffle(pool)
        return pool[:count]

    # ----------------------------------------------------------------- registry

    def make_kim(self):
        spec = self.spec
        decreed = dt.date(2021 + self.index % 3, 1 + (self.index * 2) % 12, 4 + self.index)
        words = spec.name.split()
        abbreviation = "".join(w[0] for w in words) if len(words) > 1 else spec.name[:3]
        kim = Kim.objects.create(
            village=self.village, name=spec.kim, classification=self.classification,
            decree_number=f"141/{self.index + 3:02d}/SK-KIM/DS-{abbreviation.upper()}/{decreed.year}",
            decree_date=decreed, formed_on=decreed - dt.timedelta(days=21),
            address=f"d/a Kantor Desa {spec.name}, {spec.street}",
            email=f"sekretariat.{self.slug}@kim.example",
            description=(
                f"{spec.kim} dibentuk oleh dan dari warga Desa {spec.name} untuk menyebarkan informasi pembangunan "
                "desa dan menampung aspirasi warga. Anggotanya menulis kabar kegiatan warga untuk website desa, "
                "mengelola papan informasi dan mengabarkan jadwal layanan desa."
            ),
        )  # fmt: skip
        self.result.kims += 1
        return kim

    def make_members(self) -> list[KimMember]:
        count = MEMBER_COUNTS[self.index]
        people = self.names(count + 2)
        self.extra_names = [people[-2][0], people[-1][0]]  # people named in the reports
        positions = [KimMember.Position.CHAIR, KimMember.Position.SECRETARY, KimMember.Position.TREASURER]
        positions += [KimMember.Position.MEMBER] * (count - len(positions))
        members = []
        for n, ((name, _female), position) in enumerate(zip(people, positions, strict=False)):
            # 0812 VV MM xxxx: unique per village (VV) and member (MM), so no two members share a number.
            number = f"0812{self.index:02d}{n:02d}{self.rng.randrange(10_000):04d}"
            member = KimMember(
                kim=self.kim, name=name, position=position, phone=parse_phone(number).national,
                joined_on=self.kim.formed_on + dt.timedelta(days=7 * n),
            )  # fmt: skip
            members.append(member)
        members[0].user = self.account(f"ketua-kim.{self.slug}", members[0])
        writer = next(m for m in members if m.position == KimMember.Position.MEMBER)
        writer.user = self.account(f"kim.{self.slug}", writer)
        for member in members:
            if member.user:
                member.email = member.user.email
            member.save()
        self.result.members += len(members)
        return members

    def account(self, username: str, member: KimMember):
        user_model = get_user_model()
        first, _space, last = member.name.partition(" ")
        user, created = user_model.objects.get_or_create(
            username=username,
            defaults={"email": f"{username}@kim.example", "first_name": first, "last_name": last},
        )
        if created:
            if self.village.code == DEMO_MEMBER_VILLAGE:
                user.set_password(data.DEMO_PASSWORD)
            else:
                user.set_unusable_password()  # an author of the demo, not an account to try
            user.save(update_fields=["password"])
        return user

    # ----------------------------------------------------------------- reports

    def make_report(self, topic_key: str, author: KimMember, steps):
        topic = TOPICS[topic_key]
        jitter = (self.index % 5) * 0.07
        first = steps[0][1] + jitter if steps else 1.0
        event_day = (self.now - dt.timedelta(days=first + 0.5)).date()
        key = uuid.uuid5(uuid.NAMESPACE_URL, f"sinergi-demo:{self.spec.code}:{topic_key}")
        scene = self.spec.harvest.scene if topic["scene"] == "harvest" else topic["scene"]
        title = self.fill(topic["title"])
        photos = [
            SimpleUploadedFile(
                f"foto-{n}.jpg",
                images.scene(scene, "Foto ilustrasi", f"{self.spec.code}:{topic_key}:{n}", size=PHOTO_SIZE),
                content_type="image/jpeg",
            )
            for n in range(topic["photos"])
        ]
        fields = {
            "title": title,
            "body": "\n\n".join(self.fill(p) for p in topic["body"]),
            "category": self.categories.get(topic["category"]),
            "event_date": event_day,
            "place": self.spec.hamlets[0],
            "consent_confirmed": bool(photos),
        }
        report = save_report(author, client_key=key, fields=fields, photos=photos).report
        created_at = self.now - dt.timedelta(days=first + 0.1)
        # Some villages decide faster than others: the gaps between the steps grow with the village.
        slowness = 1 + self.index % 3
        when = None
        for n, (action, days_ago, comment) in enumerate(steps):
            gap = (steps[n - 1][1] - days_ago) * slowness if n else 0
            when = (
                self.now - dt.timedelta(days=days_ago + jitter) if n == 0 else when + dt.timedelta(days=gap)
            )
            if action == "submit" and report.state == Report.State.REVISION and "revised" in topic:
                fields["body"] += "\n\n" + "\n\n".join(self.fill(p) for p in topic["revised"])
                report = save_report(author, client_key=key, fields=fields).report
            by = author.user if action == "submit" else self.reviewer
            report = do_transition(report, action, by=by, comment=comment)
            self.backdate(report, action, when)
        Report.objects.filter(pk=report.pk).update(created_at=created_at)
        self.result.reports += 1

    def backdate(self, report, action: str, when: dt.datetime) -> None:
        event = ReportEvent.objects.filter(report=report).latest("pk")
        ReportEvent.objects.filter(pk=event.pk).update(created_at=when)
        dates = {"updated_at": when}
        if action == "submit":
            dates["submitted_at"] = when
        else:
            dates["decided_at"] = when
        Report.objects.filter(pk=report.pk).update(**dates)
        if action in ("approve_publish", "approve_draft"):
            page = Page.objects.get(pk=report.news_page_id)
            Revision.objects.filter(pk=page.latest_revision_id).update(created_at=when)
            dates = {"latest_revision_created_at": when}
            if action == "approve_publish":
                dates.update(first_published_at=when, last_published_at=when)
            Page.objects.filter(pk=page.pk).update(**dates)


def demo_reviewer(village):
    """Who decides the demo reports: the village's operator, else a regency admin (created if needed)."""
    operators = village_operators(village)
    if operators:
        return operators[0]
    regency = village.district.regency
    user_model = get_user_model()
    admin = user_model.objects.filter(groups=regency.admin_group, is_active=True).order_by("pk").first()
    if admin is not None:
        return admin
    spec = next(a for a in data.ACCOUNTS if a["role"] == "regency_admin")
    admin, created = user_model.objects.get_or_create(
        username=spec["username"],
        defaults={"email": spec["email"], "first_name": spec["first_name"], "last_name": spec["last_name"]},
    )
    if created:
        admin.set_password(data.DEMO_PASSWORD)
        admin.save(update_fields=["password"])
    make_regency_admin(admin, regency)
    return admin
