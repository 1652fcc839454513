"""Load the demo content: Kecamatan Marang Kayu's 11 desa, the regency portal and three accounts.

`load_demo()` runs after provisioning. It only fills what is empty, so it is safe to run again and
never overwrites an operator's work: a home, profile or contact field is set only while it is blank
(or still holds the provisioning default), and a section (news, announcements, agenda, gallery,
potensi, produk hukum) receives demo pages only while it has no pages at all. Portal items are
recognised by their slug. Each village is loaded in its own transaction.

Randomness is deterministic (one `random.Random` per village and purpose), so two runs on the same
day produce the same text; dates are relative to the day of the run.
"""

import contextlib
import datetime as dt
import hashlib
import io
import random
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex, Revision
from wagtail.signal_handlers import disable_reference_index_auto_update

from sinergi.accounts.services import make_district_viewer, make_regency_admin, make_village_operator
from sinergi.demo import data, documents, images
from sinergi.regions.models import District, Regency, RegencyIdentity, Village
from sinergi.villages.models import (
    DEFAULT_BRAND_COLOUR,
    AgendaIndexPage,
    AgendaPage,
    AnnouncementIndexPage,
    AnnouncementPage,
    BpdMember,
    ContactPage,
    GalleryAlbumPage,
    GalleryIndexPage,
    GalleryPhoto,
    GovernmentPage,
    Institution,
    LegalDocumentPage,
    LegalIndexPage,
    NewsIndexPage,
    NewsPage,
    Official,
    PotentialIndexPage,
    PotentialPage,
    ProfilePage,
)

DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
NEWS_WINDOW_DAYS = 120  # news dates are spread over the last four months
ILLUSTRATION = "Foto ilustrasi"
DEMO_NOTE = (
    "<p><i>Catatan: nama tokoh, angka dan peristiwa di situs demo ini adalah contoh, "
    "bukan data resmi desa.</i></p>"
)


class DemoError(Exception):
    """The demo cannot be loaded; the message tells the person what to run first."""


def refuse_in_production() -> None:
    """The demo creates accounts with the published demo password and points the default Site at
    127.0.0.1: never on a production instance, even if the demo app were installed there."""
    if settings.SINERGI_PRODUCTION:
        raise DemoError(
            _(
                "Konten demo tidak boleh dimuat dalam mode produksi (SINERGI_PRODUCTION=1): akun demo "
                "memakai kata sandi yang diumumkan. Tidak ada yang diubah."
            )
        )


@dataclass
class DemoAccount:
    username: str
    created: bool
    password_set: bool
    role: str
    scope: str


@dataclass
class DemoReport:
    counts: Counter = field(default_factory=Counter)
    accounts: list[DemoAccount] = field(default_factory=list)
    villages: list[Village] = field(default_factory=list)
    portal: Page | None = None
    # Objects whose search and reference index entries are written once, at the end of a transaction.
    touched: list = field(default_factory=list)

    def note(self, kind: str, n: int = 1) -> None:
        self.counts[kind] += n

    def touch(self, obj) -> None:
        self.touched.append((type(obj), obj.pk))

    def reindex(self) -> None:
        """Index what was written, once per object, instead of once per save."""
        from modelsearch import index as search_index

        for model, pk in dict.fromkeys(self.touched):
            obj = model.objects.get(pk=pk)  # fresh: publishing saved a copy made from the revision
            search_index.insert_or_update_object(obj)
            ReferenceIndex.create_or_update_for_object(obj)
        self.touched.clear()

    @property
    def changed(self) -> bool:
        return bool(self.counts)


# --------------------------------------------------------------------------- helpers


def rupiah(amount: int) -> str:
    return "Rp " + f"{amount:,}".replace(",", ".")


def number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def short_date(day: dt.date) -> str:
    return f"{day.day}/{day.month}/{day.year}"


def paragraphs(texts, ctx=None) -> str:
    return "".join(f"<p>{escape(t.format_map(ctx) if ctx else t)}</p>" for t in texts)


def slug_for(title: str, limit: int = 80) -> str:
    slug = slugify(title)
    if len(slug) <= limit:
        return slug
    return slug[:limit].rsplit("-", 1)[0]


def aware(day: dt.date, hour: int = 9, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def initials(name: str) -> str:
    words = name.split()
    if len(words) > 1:
        return (words[0][0] + words[1][0]).upper()
    consonant = next((c for c in words[0][1:] if c.lower() not in "aeiou"), words[0][1])
    return (words[0][0] + consonant).upper()


def save_image(report, collection, title: str, content: bytes, filename: str, description: str = ""):
    image = get_image_model()(title=title[:255], collection=collection, description=description[:255])
    image.file = ImageFile(io.BytesIO(content), name=filename)
    image.file_size = len(content)
    image.file_hash = hashlib.sha1(content).hexdigest()  # noqa: S324 - Wagtail's duplicate check uses SHA-1
    image.save()
    report.note("gambar")
    report.touch(image)
    return image


def save_document(report, collection, title: str, content: bytes, filename: str):
    document = get_document_model()(title=title[:255], collection=collection)
    document.file = ContentFile(content, name=filename)
    document.file_size = len(content)
    document.file_hash = hashlib.sha1(content).hexdigest()  # noqa: S324 - Wagtail's duplicate check uses SHA-1
    document.save()
    report.note("dokumen")
    return document


@contextlib.contextmanager
def deferred_indexing():
    """Switch off per-save search and reference indexing; `DemoReport.reindex` does it once instead.

    A page is saved three times while it is created and published (tree insert, revision, publish),
    and each save would otherwise index it again.
    """
    from modelsearch import index as search_index
    from modelsearch.signal_handlers import post_save_signal_handler

    models = [m for m in search_index.get_indexed_models() if getattr(m, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)


def publish(page, report, when: dt.datetime | None = None, clean: bool = True) -> None:
    """Publish through a revision, so the page has history; back-date it to `when`."""
    revision = page.save_revision(clean=clean)
    revision.publish()
    if when is not None:
        Page.objects.filter(pk=page.pk).update(
            first_published_at=when, last_published_at=when, latest_revision_created_at=when
        )
        Revision.objects.filter(pk=revision.pk).update(created_at=when)
        page.first_published_at = page.last_published_at = when
    report.touch(page)


def add_page(report, parent, page, when: dt.datetime | None = None):
    parent.add_child(instance=page)  # validates the page
    publish(page, report, when, clean=False)
    report.note("halaman")
    return page


# --------------------------------------------------------------------------- people


class People:
    """Invented names for one village, drawn without repetition from the village's name pools."""

    def __init__(self, spec: data.VillageDemo):
        self.rng = random.Random(f"{spec.code}:people")
        other = "transmigran" if spec.names == "pesisir" else "pesisir"
        self.pools = {}
        for female, source in ((False, data.MALE_NAMES), (True, data.FEMALE_NAMES)):
            own = [n for n in source[spec.names] if n not in spec.head]
            extra = [n for n in source[other] if n not in spec.head]
            self.rng.shuffle(own)
            self.rng.shuffle(extra)
            self.pools[female] = extra + own  # popped from the end: own names first

    def name(self, female: bool | None = None) -> tuple[str, bool]:
        if female is None:
            female = self.rng.random() < 0.4
        pool = self.pools[female]
        if not pool:
            pool = self.pools[not female]
            female = not female
        return pool.pop(), female

    def degree(self) -> str:
        return self.rng.choice(data.DEGREES)


@dataclass
class Staff:
    officials: list[tuple[str, str, str, bool]]  # name, position, tier, female
    bpd: list[tuple[str, str]]
    institutions: list[tuple[str, str, str]]
    roles: dict[str, str]


def village_staff(spec: data.VillageDemo) -> Staff:
    people = People(spec)
    officials = [(spec.head, "Kepala Desa", Official.Tier.HEAD.value, spec.head_female)]
    roles = {"kades": spec.head}
    keys = ["sekdes", "kaur_keu", "kaur_umum", "kaur_ren", "kasi_pem", "kasi_kesra", "kasi_pel"]
    for key, (position, tier) in zip(keys, data.APPARATUS, strict=True):
        name, female = people.name()
        degree = people.degree()
        officials.append((f"{name}, {degree}" if degree else name, position, tier, female))
        roles[key] = name
    for hamlet in spec.hamlets:
        name, female = people.name(female=people.rng.random() < 0.15)
        officials.append((name, f"Kepala {hamlet}", Official.Tier.REGIONAL.value, female))
        roles[f"kadus:{hamlet}"] = name

    size = 7 if sum(spec.population[:2]) > 3000 else 5
    bpd = []
    for position in data.BPD_POSITIONS[:size]:
        name, _female = people.name()
        bpd.append((name, position))
    roles["ketua_bpd"] = bpd[0][0]

    for key, female in (
        ("ketua_lpm", False), ("ketua_pkk", True), ("ketua_kt", None), ("ketua_posyandu", True),
        ("direktur_bumdes", None), ("ketua_kim", None), ("ketua_kelompok", False), ("bidan", True),
        ("ketua_tpk", False), ("penulis_kim", None),
    ):  # fmt: skip
        roles[key] = people.name(female)[0]

    institutions = [
        ("Lembaga Pemberdayaan Masyarakat (LPM)", roles["ketua_lpm"],
         "Mitra pemerintah desa dalam merencanakan dan mengawasi pembangunan serta menggerakkan swadaya warga."),
        ("Tim Penggerak PKK", roles["ketua_pkk"],
         "Menjalankan 10 program pokok PKK, termasuk kesehatan keluarga, gizi dan pemberdayaan perempuan."),
        (spec.youth, roles["ketua_kt"],
         "Wadah pengembangan generasi muda: olahraga, seni, kewirausahaan dan kegiatan sosial."),
        (f"Posyandu {spec.posyandu}", roles["ketua_posyandu"],
         "Pelayanan kesehatan ibu, balita dan lansia setiap bulan bersama bidan desa dan Puskesmas Marang Kayu."),
        (spec.bumdes, roles["direktur_bumdes"],
         f"Badan Usaha Milik Desa yang mengelola usaha desa, antara lain pemasaran {spec.processed}."),
        (spec.kim, roles["ketua_kim"],
         "Komunitas Informasi Masyarakat: mengabarkan kegiatan warga dan menyalurkan aspirasi. Dikukuhkan "
         "dengan keputusan kepala desa, independen dari pemerintah desa."),
        (spec.group, roles["ketua_kelompok"], "Kelompok usaha warga yang menjadi mitra penyuluh dan dinas teknis."),
        ("Linmas Desa", roles["kasi_pem"], "Satuan Perlindungan Masyarakat yang membantu ketertiban dan penanganan bencana."),
    ]  # fmt: skip
    return Staff(officials, bpd, institutions, roles)


# --------------------------------------------------------------------------- villages


class VillageLoader:
    def __init__(self, village: Village, spec: data.VillageDemo, index: int, today: dt.date, report):
        self.village = village
        self.spec = spec
        self.index = index
        self.today = today
        self.report = report
        self.home = village.page.specific
        self.collection = village.collection
        self.sections = {type(p): p for p in self.home.get_children().specific()}
        self.staff = village_staff(spec)
        self.ctx = self._base_context()

    def rng(self, purpose: str) -> random.Random:
        return random.Random(f"{self.spec.code}:{purpose}")

    def _base_context(self) -> dict:
        spec, roles, harvest = self.spec, self.staff.roles, self.spec.harvest
        return {
            **{k: v for k, v in roles.items() if ":" not in k},
            "desa": self.village.display_name,
            "nama": spec.name,
            "kim": spec.kim,
            "posyandu": spec.posyandu,
            "masjid": spec.mosque,
            "lapangan": spec.sports_field,
            "bumdes": spec.bumdes,
            "karang_taruna": spec.youth,
            "kelompok": spec.group,
            "olahan": spec.processed,
            "pangan": spec.local_food,
            "pangan_judul": spec.local_food.title(),
            "prioritas": spec.priorities,
            "bantuan": spec.aid[0],
            "bantuan_lengkap": spec.aid[1],
            "panen_judul": harvest.title,
            "panen": harvest.what,
            "panen_lokasi": harvest.where,
            "hasil": harvest.result,
            "hasil_singkat": harvest.result_short,
            "panen_catatan": harvest.note,
            "kendala": harvest.obstacle,
            "penyuluh": harvest.extension,
            "dusun": spec.hamlets[0],
            "kadus": roles[f"kadus:{spec.hamlets[0]}"],
            "tahun": self.today.year,
            "tahun_depan": self.today.year + 1,
            "tahun_lalu": self.today.year - 1,
            "tahun_plus2": self.today.year + 2,
        }

    def image(self, title, content, filename, description=""):
        return save_image(self.report, self.collection, title, content, filename, description)

    def scene(self, kind, caption, seed, title, **kwargs):
        # The picture is marked as an illustration; its caption is shown under it, not drawn into it.
        caption_text = ILLUSTRATION if caption else ""
        content = images.scene(kind, caption_text, f"{self.spec.code}:{seed}", **kwargs)
        return self.image(title, content, f"{slug_for(title, 60)}.jpg", caption)

    def load(self) -> None:
        self.load_home()
        self.load_profile()
        self.load_government()
        self.load_news()
        self.load_announcements()
        self.load_agenda()
        self.load_gallery()
        self.load_potentials()
        self.load_legal()
        self.load_contact()
        self.load_ppid()

    # ----------------------------------------------------------------------- home & profile

    def load_home(self) -> None:
        home, spec = self.home, self.spec
        slug = slugify(spec.name)
        last4 = spec.code[-4:]
        values = {
            "tagline": spec.tagline,
            "welcome_text": paragraphs(spec.welcome),
            "head_name": spec.head,
            "address": f"{spec.street}, {self.village.display_name}, Kecamatan Marang Kayu, "
            f"Kabupaten Kutai Kartanegara, Kalimantan Timur {self.village.postal_code}".strip(),
            "phone": f"(0541) 700-{last4}",
            "whatsapp": f"0812-5400-{last4}",
            "email": f"pemdes.{slug}@desa.example",
            "office_hours": "Senin–Kamis 08.00–15.00 WITA\nJumat 08.00–11.00 WITA",
        }
        changed = False
        for name, value in values.items():
            if not getattr(home, name):
                setattr(home, name, value)
                changed = True
        default_welcome = _("Selamat datang di website %(name)s") % {"name": self.village.display_name}
        if not home.welcome_title or home.welcome_title == default_welcome:
            title = f"Sambutan Kepala {self.village.display_name}"
            changed = changed or home.welcome_title != title
            home.welcome_title = title
        if not home.primary_colour or home.primary_colour == DEFAULT_BRAND_COLOUR:
            home.primary_colour = spec.colour
            changed = True
        if home.latitude is None and home.longitude is None:
            home.latitude, home.longitude = Decimal(spec.latitude), Decimal(spec.longitude)
            changed = True
        if home.banner_id is None:
            home.banner = self.scene(
                spec.landscape, "", "banner", f"Banner {self.village.display_name}", size=images.BANNER_SIZE
            )
            changed = True
        if home.logo_id is None:
            water = spec.landscape in ("coast", "river", "pond")
            content = images.logo(initials(spec.name), spec.colour, self.village.display_name, water=water)
            home.logo = self.image(f"Logo {self.village.display_name}", content, f"logo-{slug}.png")
            changed = True
        if home.head_photo_id is None:
            home.head_photo = self._portrait(spec.head, "Kepala Desa", spec.head_female)
            changed = True
        if changed:
            publish(home, self.report)
            self.report.note("halaman diperbarui")

    def _portrait(self, name, position, female):
        content = images.portrait(f"{self.spec.code}:{name}", self.spec.colour, female=female)
        return self.image(f"{position} {self.spec.name}: {name}", content, f"foto-{slugify(name)}.jpg", name)

    def load_profile(self) -> None:
        page = self.sections.get(ProfilePage)
        if page is None:
            return
        spec = self.spec
        male, female, households = spec.population
        values = {
            "history": paragraphs(spec.history) + DEMO_NOTE,
            "vision": spec.vision,
            "mission": "<ol>" + "".join(f"<li>{escape(m)}</li>" for m in spec.missions) + "</ol>",
            "area_km2": Decimal(spec.area_km2),
            "boundary_north": spec.boundaries[0],
            "boundary_south": spec.boundaries[1],
            "boundary_east": spec.boundaries[2],
            "boundary_west": spec.boundaries[3],
            "population_year": self.today.year - 1,
            "population_male": male,
            "population_female": female,
            "households": households,
            "hamlets": len(spec.hamlets),
            "neighbourhoods": spec.neighbourhoods,
        }
        if self._fill(page, values):
            publish(page, self.report)
            self.report.note("halaman diperbarui")

    @staticmethod
    def _fill(page, values) -> bool:
        changed = False
        for name, value in values.items():
            if getattr(page, name) in (None, ""):
                setattr(page, name, value)
                changed = True
        return changed

    def load_government(self) -> None:
        page = self.sections.get(GovernmentPage)
        if page is None:
            return
        changed = self._fill(
            page,
            {
                "intro": f"Susunan organisasi dan tata kerja Pemerintah {self.village.display_name} mengikuti "
                "Permendagri Nomor 84 Tahun 2015: kepala desa dibantu sekretariat desa, pelaksana teknis "
                "dan pelaksana kewilayahan (kepala dusun)."
            },
        )
        if not page.officials.exists():
            officials = []
            for name, position, tier, female in self.staff.officials:
                photo = self.home.head_photo if tier == Official.Tier.HEAD else None
                if photo is None:
                    photo = self._portrait(name.split(",")[0], position, female)
                officials.append(Official(name=name, position=position, tier=tier, photo=photo))
            page.officials = officials
            changed = True
        if not page.bpd_members.exists():
            page.bpd_members = [BpdMember(name=n, position=p) for n, p in self.staff.bpd]
            changed = True
        if not page.institutions.exists():
            page.institutions = [
                Institution(name=n, leader=leader, description=d) for n, leader, d in self.staff.institutions
            ]
            changed = True
        if changed:
            publish(page, self.report)
            self.report.note("halaman diperbarui")

    # ----------------------------------------------------------------------- news

    def _article_context(self, key: str, day: dt.date) -> dict:
        rng = self.rng(f"news:{key}")
        hamlet = rng.choice(self.spec.hamlets)
        return {
            **self.ctx,
            "dusun": hamlet,
            "kadus": self.staff.roles[f"kadus:{hamlet}"],
            "hari": DAYS[day.weekday()],
            "tgl": short_date(day),
            "tahun": day.year,
            "tahun_depan": day.year + 1,
            "balita": rng.randint(38, 126),
            "bumil": rng.randint(4, 15),
            "kader": rng.randint(5, 10),
            "usulan": rng.randint(24, 61),
            "warga": rng.randint(35, 140),
            "meter": rng.choice([150, 200, 250, 320, 400, 480, 600]),
            "kpm": rng.randint(18, 64),
            "peserta": rng.randint(18, 45),
            "tim": rng.randint(8, 24),
            "yatim": rng.randint(20, 75),
            "rumah": rng.randint(25, 140),
            "bibit": number(rng.choice([1500, 2000, 2500, 3000, 5000])),
            "regu": rng.choice([10, 12, 15, 20]),
            "lansia": rng.randint(45, 130),
            "anggota": rng.randint(12, 25),
            "kedalaman": rng.choice([60, 80, 90, 100, 120]),
            "anggaran": rupiah(rng.randint(90, 420) * 1_000_000 + rng.choice([0, 250_000, 500_000, 750_000])),
            "olahraga": self.spec.sport or data.SPORTS[self.index % len(data.SPORTS)],
        }

    def load_news(self) -> None:
        index = self.sections.get(NewsIndexPage)
        if index is None or NewsPage.objects.child_of(index).exists():
            return
        categories = {c.slug: c for c in index.categories.all()}
        topics = list(data.NEWS_TOPICS)
        rng = self.rng("news")
        offsets = sorted(rng.sample(range(1, NEWS_WINDOW_DAYS), len(self.spec.news)), reverse=True)
        for key, offset in zip(self.spec.news, offsets, strict=True):
            topic = data.NEWS_TOPICS[key]
            day = self.today - dt.timedelta(days=offset)
            ctx = self._article_context(key, day)
            titles = topic["titles"]
            title = titles[(self.index + topics.index(key)) % len(titles)].format_map(ctx)
            caption = topic["caption"].format_map(ctx)
            kind = topic["scene"] or self.spec.harvest.scene
            sign = topic.get("sign", "").format_map(ctx)
            image = self.scene(kind, caption, f"news:{key}", title, sign=sign)
            credit = ""
            if topic.get("always_kim") or rng.random() < 0.5:
                writer = self.staff.roles[rng.choice(["penulis_kim", "ketua_kim"])]
                credit = f"{self.spec.kim} ({writer})"
            page = NewsPage(
                title=title,
                slug=slug_for(title),
                date=day,
                intro=topic["intro"].format_map(ctx),
                body=paragraphs(topic["body"], ctx),
                image=image,
                image_caption=caption,
                category=categories.get(topic["category"]),
                credit=credit,
            )
            page.tags.add(*topic["tags"])
            add_page(
                self.report, index, page, when=aware(day, rng.randint(9, 20), rng.choice([0, 15, 30, 45]))
            )
            self.report.note("berita")

    # ----------------------------------------------------------------------- announcements & agenda

    def load_announcements(self) -> None:
        index = self.sections.get(AnnouncementIndexPage)
        if index is None or AnnouncementPage.objects.child_of(index).exists():
            return
        n = len(data.ANNOUNCEMENTS)
        for k in ((self.index * 3) % n, (self.index * 3 + 4) % n):
            item = data.ANNOUNCEMENTS[k]
            valid_from = self.today + dt.timedelta(days=item["from"] + self.index % 3)
            valid_from = min(valid_from, self.today)
            title = item["title"].format_map(self.ctx)
            page = AnnouncementPage(
                title=title,
                slug=slug_for(title),
                valid_from=valid_from,
                valid_until=self.today + dt.timedelta(days=item["until"]),
                body=paragraphs(item["body"], self.ctx),
            )
            add_page(self.report, index, page, when=aware(valid_from, 8, 30))
            self.report.note("pengumuman")

    def load_agenda(self) -> None:
        index = self.sections.get(AgendaIndexPage)
        if index is None or AgendaPage.objects.child_of(index).exists():
            return
        n = len(data.AGENDA)
        for k in ((self.index * 3) % n, (self.index * 3 + 1) % n):
            item = data.AGENDA[k]
            start = aware(self.today + dt.timedelta(days=item["days"] + self.index % 4), *item["time"])
            title = item["title"].format_map(self.ctx)
            page = AgendaPage(
                title=title,
                slug=slug_for(title),
                start=start,
                end=start + dt.timedelta(hours=item["hours"]),
                place=item["place"].format_map(self.ctx),
                organiser=item["organiser"].format_map(self.ctx),
                body=paragraphs([item["body"]], self.ctx),
            )
            add_page(self.report, index, page, when=aware(self.today - dt.timedelta(days=2), 10))
            self.report.note("agenda")

    # ----------------------------------------------------------------------- gallery, potensi, legal

    def load_gallery(self) -> None:
        index = self.sections.get(GalleryIndexPage)
        if self.spec.gallery is None or index is None or GalleryAlbumPage.objects.child_of(index).exists():
            return
        title, captions, kind = self.spec.gallery
        day = self.today - dt.timedelta(days=self.rng("gallery").randint(5, 40))
        photos = [
            self.scene(kind, caption, f"gallery:{n}", f"{title} ({n + 1})")
            for n, caption in enumerate(captions)
        ]
        album = GalleryAlbumPage(
            title=title,
            slug=slug_for(title),
            date=day,
            intro=f"Dokumentasi kegiatan warga {self.village.display_name}.",
            cover=photos[0],
        )
        album.photos = [GalleryPhoto(image=img, caption=c) for img, c in zip(photos, captions, strict=True)]
        add_page(self.report, index, album, when=aware(day, 16))
        self.report.note("album")

    def load_potentials(self) -> None:
        index = self.sections.get(PotentialIndexPage)
        if index is None or PotentialPage.objects.child_of(index).exists():
            return
        for n, product in enumerate(self.spec.products):
            image = self.scene(product.scene, product.title, f"product:{n}", product.title)
            page = PotentialPage(
                title=product.title,
                slug=slug_for(product.title),
                kind=product.kind,
                intro=product.intro,
                image=image,
                body=paragraphs(product.body),
                price=product.price,
                seller=product.seller,
                seller_phone=f"0813-4600-{self.spec.code[-4:]}" if product.seller else "",
            )
            add_page(self.report, index, page, when=aware(self.today - dt.timedelta(days=30 + n), 11))
            self.report.note("potensi")

    def load_legal(self) -> None:
        index = self.sections.get(LegalIndexPage)
        if index is None or LegalDocumentPage.objects.child_of(index).exists():
            return
        rng = self.rng("legal")
        ctx = {**self.ctx, "nomor_apbdes": rng.randint(4, 9), "nomor_sk": rng.randint(5, 24)}
        for item in data.LEGAL_DOCUMENTS:
            year = self.today.year + item["year_offset"]
            enacted = min(dt.date(year, *item["enacted"]), self.today)
            title = item["title"].format_map(ctx)
            slug = item["slug"].format_map(ctx)
            page = LegalDocumentPage(
                title=title,
                slug=slug,
                kind=item["kind"],
                number=str(item["number"]).format_map(ctx),
                year=year,
                enacted_on=enacted,
                about=item["about"].format_map(ctx),
            )
            content = documents.legal_pdf(
                village=self.village.display_name,
                kind=str(page.get_kind_display()),
                number=page.number,
                year=year,
                title=title,
                about=page.about,
                enacted=short_date(enacted),
            )
            page.document = save_document(self.report, self.collection, title, content, f"{slug}.pdf")
            add_page(self.report, index, page, when=aware(enacted, 14))
            self.report.note("produk hukum")

    def load_ppid(self) -> None:
        from sinergi.demo.ppid_content import load_ppid

        load_ppid(self, publish)

    def load_contact(self) -> None:
        page = self.sections.get(ContactPage)
        if page is None:
            return
        values = {
            "intro": f"Kantor {self.village.display_name} melayani surat-menyurat dan administrasi warga pada jam "
            "pelayanan. Silakan datang langsung, menelepon atau mengirim pesan WhatsApp.",
            "body": paragraphs(
                (
                    f"Kantor desa berada di {self.spec.street}. Dari Tenggarong, tempuh jalan menuju Bontang "
                    "melalui Samarinda lalu ikuti petunjuk arah ke Kecamatan Marang Kayu.",
                    "Untuk pengaduan dan aspirasi, gunakan menu Pengaduan agar laporan Anda tercatat dan dapat "
                    "dipantau. Permohonan informasi publik diajukan melalui menu PPID.",
                )
            ),
        }
        if self._fill(page, values):
            publish(page, self.report)
            self.report.note("halaman diperbarui")


# --------------------------------------------------------------------------- portal


def load_identity(regency: Regency, report: DemoReport) -> None:
    """The regency's identity in every footer, with a stand-in crest drawn locally."""
    if RegencyIdentity.objects.filter(regency=regency).exists():
        return
    name = regency.name.removeprefix("Kabupaten ").removeprefix("Kota ")
    crest = save_image(report, regency.collection, f"Lambang {regency.name} (contoh)", images.crest(name),
                       "lambang-contoh.png")  # fmt: skip
    RegencyIdentity.objects.create(regency=regency, crest=crest, **data.REGENCY_IDENTITY)
    report.note("identitas kabupaten")


def load_portal(regency: Regency, today: dt.date, report: DemoReport) -> None:
    portal = regency.page
    news_index = NewsIndexPage.objects.child_of(portal).first()
    if news_index is not None:
        categories = {c.slug: c for c in news_index.categories.all()}
        existing = set(NewsPage.objects.child_of(news_index).values_list("slug", flat=True))
        for item in data.PORTAL_NEWS:
            if item["slug"] in existing:
                continue
            day = dt.date(*item["date"]) if "date" in item else today - dt.timedelta(days=item["days_ago"])
            image = save_image(
                report,
                regency.collection,
                item["title"],
                images.scene("hall", ILLUSTRATION, item["slug"], sign=item["sign"]),
                f"{slug_for(item['title'], 60)}.jpg",
                item["caption"],
            )
            page = NewsPage(
                title=item["title"],
                slug=item["slug"],
                date=day,
                intro=item["intro"],
                body=paragraphs(item["body"]),
                image=image,
                image_caption=item["caption"],
                category=categories.get(item["category"]),
                credit=item["credit"],
            )
            page.tags.add(*item["tags"])
            add_page(report, news_index, page, when=aware(day, 15, 30))
            report.note("berita kabupaten")

    announcement_index = AnnouncementIndexPage.objects.child_of(portal).first()
    if announcement_index is not None:
        existing = set(AnnouncementPage.objects.child_of(announcement_index).values_list("slug", flat=True))
        ctx = {"tahun": today.year}
        for item in data.PORTAL_ANNOUNCEMENTS:
            slug = item["slug"].format_map(ctx)
            if slug in existing:
                continue
            valid_from = today + dt.timedelta(days=item["from"])
            page = AnnouncementPage(
                title=item["title"].format_map(ctx),
                slug=slug,
                valid_from=valid_from,
                valid_until=today + dt.timedelta(days=item["until"]),
                body=paragraphs(item["body"]),
            )
            add_page(report, announcement_index, page, when=aware(valid_from, 8))
            report.note("pengumuman kabupaten")


# --------------------------------------------------------------------------- accounts


def ensure_accounts(regency: Regency, report: DemoReport, reset_passwords: bool = False) -> None:
    user_model = get_user_model()
    for spec in data.ACCOUNTS:
        user, created = user_model.objects.get_or_create(
            username=spec["username"],
            defaults={
                "email": spec["email"],
                "first_name": spec["first_name"],
                "last_name": spec["last_name"],
            },
        )
        password_set = created or reset_passwords
        if password_set:
            user.set_password(data.DEMO_PASSWORD)
            user.save(update_fields=["password"])
        if created:
            report.note("akun")
        if spec["role"] == "regency_admin":
            make_regency_admin(user, regency)
            role = _("Admin %(name)s") % {"name": regency.name}
            scope = _(
                "mengelola portal kabupaten, berita dan pengumuman kabupaten, website semua desa, "
                "serta akun pengguna"
            )
        elif spec["role"] == "district_viewer":
            district = District.objects.get(code=spec["district"])
            make_district_viewer(user, district)
            role = _("Peninjau Kecamatan %(name)s") % {"name": district.name}
            scope = _(
                "melihat dasbor indeks keterbukaan dan laporan rapat desa-desa Kecamatan %(name)s saja, "
                "tanpa mengubah apa pun"
            ) % {"name": district.name}
        else:
            village = Village.objects.get(code=spec["village"])
            make_village_operator(user, village)
            role = _("Operator %(name)s") % {"name": village.display_name}
            scope = _("mengelola halaman, berita, pengumuman, agenda, gambar dan dokumen %(name)s saja") % {
                "name": village.display_name
            }
        report.accounts.append(DemoAccount(user.username, created, password_set, role, scope))


# --------------------------------------------------------------------------- entry point


def load_demo(*, today: dt.date | None = None, reset_passwords: bool = False) -> DemoReport:
    refuse_in_production()
    today = today or timezone.localdate()
    regency = Regency.objects.select_related("page", "collection").filter(code=data.REGENCY_CODE).first()
    if regency is None or regency.page is None:
        raise DemoError(
            _(
                "Kabupaten %(code)s belum disiapkan. Jalankan dulu: python manage.py provision_regency %(code)s"
            )
            % {"code": data.REGENCY_CODE}
        )
    villages = {
        v.code: v
        for v in Village.objects.filter(district__code=data.DISTRICT_CODE).select_related(
            "page", "collection"
        )
    }
    missing = [
        spec.name for spec in data.VILLAGES if villages.get(spec.code) is None or not villages[spec.code].page
    ]
    if missing:
        raise DemoError(
            _(
                "Desa %(names)s belum disiapkan. Jalankan dulu: python manage.py provision_regency %(code)s "
                "--kecamatan %(district)s"
            )
            % {"names": ", ".join(missing), "code": data.REGENCY_CODE, "district": data.DISTRICT_CODE}
        )

    report = DemoReport(portal=regency.page)
    with deferred_indexing():
        for index, spec in enumerate(data.VILLAGES):
            village = villages[spec.code]
            with transaction.atomic():
                VillageLoader(village, spec, index, today, report).load()
                report.reindex()
            report.villages.append(village)
        with transaction.atomic():
            load_portal(regency, today, report)
            load_identity(regency, report)
            report.reindex()
            ensure_accounts(regency, report, reset_passwords=reset_passwords)
    return report
