"""The checks of the index, keyed by check_id (the registry), each reading what Sinergi holds.

A check gets the computation context (day, regency, villages) and its rule's params and returns a
`Result` for every village, with a handful of set-based queries whatever the number of villages. A
check whose feature is not installed in this instance scores 0, "unavailable" ("belum tersedia").
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from django.apps import apps
from django.conf import settings
from django.db.models import Count, F, Max, Q
from django.db.models.functions import Length
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from sinergi.core.formatting import long_date as format_date

ONE = Decimal("1")
HALF = Decimal("0.5")
ZERO = Decimal("0")


@dataclass(frozen=True)
class Result:
    fraction: Decimal  # 0..1 of the rule's weight
    status: str  # ScoreItem.Status value
    text: str = ""  # what is missing (plain Indonesian), blank when complete
    fix_url: str = ""


def ok(fix_url=""):
    return Result(ONE, "ok", "", fix_url)


REGISTRY = {}


def check(check_id, app=None):
    """Register a check; `app` is the app label the check needs (absent: "unavailable")."""

    def register(fn):
        REGISTRY[check_id] = (fn, app)
        return fn

    return register


def unavailable():
    return Result(ZERO, "unavailable", _("belum tersedia"), "")


class Urls:
    """Admin URLs built once per name and filled in per object (reverse() once, not per village)."""

    SENTINEL = 987654321

    def __init__(self):
        self._patterns = {}

    def get(self, name, *args):
        key = (name, tuple(a if isinstance(a, str) else None for a in args))
        if key not in self._patterns:
            try:
                self._patterns[key] = reverse(
                    name, args=[a if isinstance(a, str) else self.SENTINEL for a in args]
                )
            except NoReverseMatch:
                self._patterns[key] = ""
        pattern = self._patterns[key]
        ints = [a for a in args if not isinstance(a, str)]
        return pattern.replace(str(self.SENTINEL), str(ints[0])) if ints and pattern else pattern

    def edit(self, page_id):
        return self.get("wagtailadmin_pages:edit", page_id) if page_id else ""

    def add(self, app_label, model, parent_id):
        return self.get("wagtailadmin_pages:add", app_label, model, parent_id) if parent_id else ""


class Context:
    """What every check shares in one computation: the day, the villages and a few cached lookups."""

    def __init__(self, regency, day, villages):
        self.regency = regency
        self.day = day
        self.villages = villages  # Village rows (with page_id)
        self.ids = [v.pk for v in villages]
        self.home = {v.pk: v.page_id for v in villages}
        self.urls = Urls()
        self._cache = {}
        self.subset = True

    def pages(self, model, **filters):
        """Live pages of `model` of the villages computed (by regency when all are computed)."""
        qs = model.objects.filter(live=True, **filters)
        return self._of_villages(qs)

    def rows(self, qs):
        return self._of_villages(qs)

    def _of_villages(self, qs, field="village"):
        qs = qs.order_by()  # no default ordering in GROUP BY
        if self.subset:
            return qs.filter(**{f"{field}_id__in": self.ids})
        return qs.filter(**{f"{field}__district__regency_id": self.regency.pk})

    def home_page_ids(self):
        """The computed villages' home page ids as a subquery: a query on them always runs (Django
        skips one whose IN list is empty, as it would be for villages without a site)."""
        from sinergi.regions.models import Village

        villages = (
            Village.objects.filter(pk__in=self.ids)
            if self.subset
            else Village.objects.filter(district__regency_id=self.regency.pk)
        )
        return villages.exclude(page_id=None).values("page_id")

    def cached(self, key, build):
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]

    def per_village(self, build_result):
        return {vid: build_result(vid) for vid in self.ids}


def days_ago(day, n):
    return day - dt.timedelta(days=int(n))


def _model(label):
    return apps.get_model(label)


# --------------------------------------------------------------------------- helpers on pages


def _section_pages(ctx, model_label):
    """{village_id: (page_id, last_published_at)} of a one-per-village section page."""

    def build():
        qs = ctx.pages(_model(model_label)).values_list("village_id", "pk", "last_published_at")
        return {vid: (pk, published) for vid, pk, published in qs}

    return ctx.cached(("section", model_label), build)


def _all_sections(ctx, model_label):
    """{village_id: page_id} of a section page whether live or not (where to fix it)."""

    def build():
        qs = ctx.rows(_model(model_label).objects.all()).values_list("village_id", "pk")
        return dict(qs)

    return ctx.cached(("section-any", model_label), build)


def _fix_section(ctx, vid, model_label, app_label, model_name):
    page_id = _all_sections(ctx, model_label).get(vid)
    if page_id:
        return ctx.urls.edit(page_id)
    return ctx.urls.add(app_label, model_name, ctx.home.get(vid))


def _is_stale(ctx, published, stale_days):
    if published is None:
        return True
    return published.date() < days_ago(ctx.day, stale_days)


# --------------------------------------------------------------------------- A


@check("A.profil_desa")
def profile(ctx, params):
    stale_days = params.get("stale_days", 365)
    rows = {
        vid: (pk, published, vision, history_len)
        for vid, pk, published, vision, history_len in ctx.pages(_model("villages.ProfilePage"))
        .annotate(history_len=Length("history"))
        .values_list("village_id", "pk", "last_published_at", "vision", "history_len")
    }

    def result(vid):
        fix = _fix_section(ctx, vid, "villages.ProfilePage", "villages", "profilepage")
        row = rows.get(vid)
        if row is None:
            return Result(ZERO, "missing", _("Halaman Profil Desa belum terbit."), fix)
        _pk, published, vision, history_len = row
        empty = [
            label
            for label, filled in ((_("sejarah"), history_len), (_("visi"), vision.strip()))
            if not filled
        ]
        if empty:
            return Result(
                ZERO,
                "missing",
                _("Profil desa belum lengkap: %(what)s belum diisi.") % {"what": ", ".join(empty)},
                fix,
            )
        if _is_stale(ctx, published, stale_days):
            return Result(
                HALF,
                "stale",
                _("Profil desa tidak diperbarui sejak %(date)s.") % {"date": format_date(published.date())},
                fix,
            )
        return ok(fix)

    return ctx.per_village(result)


@check("A.pemerintahan")
def government(ctx, params):
    stale_days = params.get("stale_days", 365)
    minimum = int(params.get("min_officials", 3))
    rows = {
        vid: (published, n)
        for vid, published, n in ctx.pages(_model("villages.GovernmentPage"))
        .annotate(n=Count("officials"))
        .values_list("village_id", "last_published_at", "n")
    }

    def result(vid):
        fix = _fix_section(ctx, vid, "villages.GovernmentPage", "villages", "governmentpage")
        row = rows.get(vid)
        if row is None:
            return Result(ZERO, "missing", _("Halaman Pemerintahan Desa belum terbit."), fix)
        published, n = row
        if n < minimum:
            return Result(
                ZERO,
                "missing",
                _("Daftar perangkat desa baru %(n)s orang (paling sedikit %(min)s).")
                % {"n": n, "min": minimum},
                fix,
            )
        if _is_stale(ctx, published, stale_days):
            return Result(
                HALF,
                "stale",
                _("Daftar perangkat desa tidak diperbarui sejak %(date)s.")
                % {"date": format_date(published.date())},
                fix,
            )
        return ok(fix)

    return ctx.per_village(result)


@check("A.produk_hukum")
def legal(ctx, params):
    rows = {
        vid: (n, latest)
        for vid, n, latest in ctx.pages(_model("villages.LegalDocumentPage"))
        .values("village_id")
        .annotate(n=Count("pk"), latest=Max("year"))
        .values_list("village_id", "n", "latest")
    }

    def result(vid):
        index_id = _all_sections(ctx, "villages.LegalIndexPage").get(vid)
        fix = ctx.urls.add("villages", "legaldocumentpage", index_id) if index_id else ""
        if vid not in rows:
            return Result(ZERO, "missing", _("Belum ada produk hukum desa yang terbit."), fix)
        _n, latest = rows[vid]
        if latest < ctx.day.year:
            return Result(
                HALF,
                "stale",
                _("Produk hukum terbaru dari tahun %(year)s; belum ada dari tahun %(now)s.")
                % {"year": latest, "now": ctx.day.year},
                fix,
            )
        return ok(fix)

    return ctx.per_village(result)


def _dip(ctx, info_class):
    """{village_id: (n_items, n_current, n_stale, n_missing)} for the catalogue items of a class."""

    def build():
        DipItem = _model("ppid.DipItem")
        DipEntry = _model("ppid.DipEntry")
        items = {
            item.pk: item
            for item in DipItem.objects.filter(regency=ctx.regency, active=True, info_class=info_class)
        }
        counts = {vid: [0, 0] for vid in ctx.ids}  # current, stale
        # By the items' fields, not an IN list of their ids: an empty catalogue still runs the query
        # (Django skips a query whose IN list is empty), so the count depends on nothing but the rules.
        entries = ctx.rows(
            DipEntry.objects.filter(item__regency=ctx.regency, item__active=True, item__info_class=info_class)
        ).values_list("village_id", "item_id", "page_id", "document_id", "linked_id", "updated_on")
        for vid, item_id, page_id, document_id, linked_id, updated_on in entries:
            if not (page_id or document_id or linked_id) or vid not in counts or item_id not in items:
                continue
            stale_after = items[item_id].stale_after(updated_on)
            counts[vid][1 if stale_after and stale_after <= ctx.day else 0] += 1
        return len(items), counts

    return ctx.cached(("dip", info_class), build)


def _dip_result(ctx, vid, info_class, what):
    n_items, counts = _dip(ctx, info_class)
    fix = ctx.urls.get("ppid_dip_admin:village", vid)
    if n_items == 0:
        return Result(ZERO, "unavailable", _("belum tersedia"), "")
    current, stale = counts[vid]
    missing = n_items - current - stale
    fraction = ((Decimal(current) + HALF * stale) / n_items).quantize(Decimal("0.0001"))
    if missing == 0 and stale == 0:
        return ok(fix)
    parts = []
    if missing:
        parts.append(_("%(n)s butir belum diisi") % {"n": missing})
    if stale:
        parts.append(_("%(n)s butir kedaluwarsa") % {"n": stale})
    status = "missing" if current + stale == 0 else ("stale" if missing == 0 else "partial")
    text = _("%(what)s: %(parts)s dari %(total)s.") % {
        "what": what,
        "parts": ", ".join(parts),
        "total": n_items,
    }
    return Result(fraction, status, text, fix)


@check("A.dip_berkala", app="ppid")
def dip_periodic(ctx, params):
    return ctx.per_village(lambda vid: _dip_result(ctx, vid, "berkala", _("Informasi berkala DIP")))


# --------------------------------------------------------------------------- B


def _budgets(ctx):
    def build():
        BudgetVersion = _model("finance.BudgetVersion")
        latest = dict(
            ctx.rows(BudgetVersion.objects.filter(state="published"))
            .values("village_id")
            .annotate(latest=Max("year"))
            .values_list("village_id", "latest")
        )
        with_perdes = set(
            ctx.rows(
                BudgetVersion.objects.filter(state="published", year=ctx.day.year).filter(
                    Q(perdes_document__isnull=False) | ~Q(perdes_number="")
                )
            ).values_list("village_id", flat=True)
        )
        return latest, with_perdes

    return ctx.cached("budgets", build)


@check("B.apbdes", app="finance")
def budget(ctx, params):
    latest, _perdes = _budgets(ctx)
    fix = ctx.urls.get("apbdes_admin:import")

    def result(vid):
        year = latest.get(vid)
        if year is None:
            return Result(ZERO, "missing", _("APBDes belum diterbitkan."), fix)
        if year < ctx.day.year - 1:
            return Result(
                ZERO, "missing", _("APBDes terakhir yang terbit tahun %(year)s.") % {"year": year}, fix
            )
        if year < ctx.day.year:
            return Result(
                HALF, "stale", _("APBDes tahun %(year)s belum diterbitkan.") % {"year": ctx.day.year}, fix
            )
        return ok(fix)

    return ctx.per_village(result)


@check("B.perdes_apbdes", app="finance")
def budget_perdes(ctx, params):
    latest, with_perdes = _budgets(ctx)
    fix = ctx.urls.get("apbdes_admin:index")

    def result(vid):
        if vid in with_perdes:
            return ok(fix)
        if (latest.get(vid) or 0) < ctx.day.year:
            return Result(
                ZERO,
                "missing",
                _("Belum ada APBDes tahun %(year)s, jadi Perdes-nya pun belum.") % {"year": ctx.day.year},
                fix,
            )
        return Result(
            ZERO,
            "missing",
            _("Nomor atau dokumen Perdes APBDes tahun %(year)s belum diisi.") % {"year": ctx.day.year},
            fix,
        )

    return ctx.per_village(result)


@check("B.realisasi", app="finance")
def realisation(ctx, params):
    latest = dict(
        ctx.rows(_model("finance.Realisation").objects.filter(state="published"))
        .values("village_id")
        .annotate(latest=Max("version__year"))
        .values_list("village_id", "latest")
    )
    fix = ctx.urls.get("apbdes_admin:index")

    def result(vid):
        year = latest.get(vid)
        if year is None:
            return Result(ZERO, "missing", _("Laporan realisasi APBDes belum diterbitkan."), fix)
        if year < ctx.day.year - 1:
            return Result(
                HALF, "stale", _("Laporan realisasi terakhir untuk APBDes %(year)s.") % {"year": year}, fix
            )
        return ok(fix)

    return ctx.per_village(result)


@check("B.alamat_pengaduan", app="complaints")
def complaints_address(ctx, params):
    live = _section_pages(ctx, "complaints.ComplaintsPage")

    def result(vid):
        fix = _fix_section(ctx, vid, "complaints.ComplaintsPage", "complaints", "complaintspage")
        if vid in live:
            return ok(fix)
        return Result(ZERO, "missing", _("Halaman Pengaduan & Aspirasi belum terbit."), fix)

    return ctx.per_village(result)


# --------------------------------------------------------------------------- C


class PpidRow(NamedTuple):
    pk: int
    decree_id: int | None
    decree_number: str
    notice_len: int | None


def _ppid(ctx):
    """{village_id: PpidRow} of the live PPID pages."""

    def build():
        qs = ctx.pages(_model("ppid.PpidPage")).annotate(notice_len=Length("service_notice"))
        return {
            vid: PpidRow(*row)
            for vid, *row in qs.values_list("village_id", "pk", "decree_id", "decree_number", "notice_len")
        }

    return ctx.cached("ppid", build)


def _ppid_check(ctx, lacking, unpublished=None):
    """{village_id: Result} of a check on the village's live PPID page: missing with `unpublished`
    when the page is not live, missing with the text `lacking(row)` returns when it returns one,
    complete otherwise; the fix is always the PPID page."""
    pages = _ppid(ctx)
    unpublished = unpublished or _("Halaman PPID belum terbit.")

    def result(vid):
        fix = _fix_section(ctx, vid, "ppid.PpidPage", "ppid", "ppidpage")
        row = pages.get(vid)
        text = unpublished if row is None else lacking(row)
        return Result(ZERO, "missing", text, fix) if text else ok(fix)

    return ctx.per_village(result)


@check("C.sk_ppid", app="ppid")
def ppid_decree(ctx, params):
    return _ppid_check(
        ctx,
        lambda row: (
            "" if row.decree_id or row.decree_number.strip() else _("Nomor dan dokumen SK PPID belum diisi.")
        ),
    )


@check("C.maklumat", app="ppid")
def ppid_notice(ctx, params):
    return _ppid_check(
        ctx, lambda row: "" if row.notice_len else _("Maklumat pelayanan informasi belum diisi.")
    )


@check("C.layanan_permohonan", app="ppid")
def ppid_forms(ctx, params):
    return _ppid_check(
        ctx,
        lambda row: "",
        _("Halaman PPID belum terbit, jadi formulir permohonan dan keberatan belum bisa dipakai."),
    )


@check("C.dip_30_hari", app="ppid")
def dip_recent(ctx, params):
    days = int(params.get("days", 30))
    latest = dict(
        ctx.rows(_model("ppid.DipEntry").objects.filter(updated_on__isnull=False))
        .values("village_id")
        .annotate(latest=Max("updated_on"))
        .values_list("village_id", "latest")
    )

    def result(vid):
        fix = ctx.urls.get("ppid_dip_admin:village", vid)
        last = latest.get(vid)
        if last is None:
            return Result(ZERO, "missing", _("Daftar Informasi Publik belum pernah diperbarui."), fix)
        if last < days_ago(ctx.day, days):
            return Result(
                ZERO,
                "stale",
                _("Daftar Informasi Publik terakhir diperbarui %(date)s (lebih dari %(days)s hari).")
                % {"date": format_date(last), "days": days},
                fix,
            )
        return ok(fix)

    return ctx.per_village(result)


@check("C.permohonan_tepat_waktu", app="ppid")
def requests_on_time(ctx, params):
    days = int(params.get("days", 365))
    qs = ctx.rows(
        _model("ppid.InformationRequest").objects.filter(
            due_date__isnull=False, due_date__lte=ctx.day, due_date__gt=days_ago(ctx.day, days)
        )
    )
    rows = {
        vid: (due, on_time)
        for vid, due, on_time in qs.values("village_id")
        .annotate(due=Count("pk"), on_time=Count("pk", filter=Q(answered_at__date__lte=F("due_date"))))
        .values_list("village_id", "due", "on_time")
    }
    fix = ctx.urls.get("ppid_requests:queue")

    def result(vid):
        due, on_time = rows.get(vid, (0, 0))
        if due == 0:
            return ok(fix)
        if on_time == due:
            return ok(fix)
        fraction = (Decimal(on_time) / due).quantize(Decimal("0.0001"))
        return Result(
            fraction,
            "partial",
            _("%(late)s dari %(due)s permohonan informasi tidak dijawab tepat waktu.")
            % {"late": due - on_time, "due": due},
            fix,
        )

    return ctx.per_village(result)


# --------------------------------------------------------------------------- D


def _news(ctx, days):
    def build():
        since = days_ago(ctx.day, days)
        qs = ctx.pages(_model("villages.NewsPage"), date__gt=since, date__lte=ctx.day)
        if apps.is_installed("sinergi.kim"):
            annotate = {
                "n": Count("pk", distinct=True),
                "kim": Count("pk", filter=Q(kim_reports__isnull=False), distinct=True),
            }
        else:
            annotate = {"n": Count("pk", distinct=True)}
        return {
            row["village_id"]: (row["n"], row.get("kim", 0))
            for row in qs.values("village_id").annotate(**annotate).values("village_id", *annotate)
        }

    return ctx.cached(("news", int(days)), build)


def _news_index_fix(ctx, vid):
    index_id = _all_sections(ctx, "villages.NewsIndexPage").get(vid)
    return ctx.urls.add("villages", "newspage", index_id) if index_id else ""


@check("D.berita_30_hari")
def news_recent(ctx, params):
    days = int(params.get("days", 30))
    rows = _news(ctx, days)

    def result(vid):
        fix = _news_index_fix(ctx, vid)
        if rows.get(vid, (0, 0))[0]:
            return ok(fix)
        return Result(
            ZERO, "missing", _("Tidak ada berita dalam %(days)s hari terakhir.") % {"days": days}, fix
        )

    return ctx.per_village(result)


@check("D.berita_90_hari")
def news_regular(ctx, params):
    days = int(params.get("days", 90))
    target = max(1, int(params.get("target", 6)))
    rows = _news(ctx, days)

    def result(vid):
        fix = _news_index_fix(ctx, vid)
        n = rows.get(vid, (0, 0))[0]
        if n >= target:
            return ok(fix)
        text = _("%(n)s berita dalam %(days)s hari terakhir; targetnya %(target)s.") % {
            "n": n,
            "days": days,
            "target": target,
        }
        return Result(
            (Decimal(n) / target).quantize(Decimal("0.0001")), "partial" if n else "missing", text, fix
        )

    return ctx.per_village(result)


@check("D.kontribusi_kim", app="kim")
def kim_share(ctx, params):
    days = int(params.get("days", 90))
    target = Decimal(str(params.get("target_share", "0.25"))) or Decimal("0.25")
    rows = _news(ctx, days)
    fix = ctx.urls.get("kim_admin:queue")

    def result(vid):
        n, from_kim = rows.get(vid, (0, 0))
        if n and Decimal(from_kim) / n >= target:
            return ok(fix)
        if n == 0:
            return Result(
                ZERO,
                "missing",
                _("Belum ada berita dalam %(days)s hari terakhir, termasuk dari KIM.") % {"days": days},
                fix,
            )
        share = Decimal(from_kim) / n
        text = _(
            "%(kim)s dari %(n)s berita dalam %(days)s hari terakhir berasal dari KIM; targetnya %(pct)s%%."
        ) % {"kim": from_kim, "n": n, "days": days, "pct": int(target * 100)}
        return Result(
            min(ONE, share / target).quantize(Decimal("0.0001")),
            "partial" if from_kim else "missing",
            text,
            fix,
        )

    return ctx.per_village(result)


@check("D.agenda")
def agenda(ctx, params):
    days = int(params.get("days", 90))
    since = dt.datetime.combine(days_ago(ctx.day, days), dt.time.min, tzinfo=dt.UTC)
    have = set(
        ctx.pages(_model("villages.AgendaPage"), start__gte=since).values_list("village_id", flat=True)
    )

    def result(vid):
        index_id = _all_sections(ctx, "villages.AgendaIndexPage").get(vid)
        fix = ctx.urls.add("villages", "agendapage", index_id) if index_id else ""
        if vid in have:
            return ok(fix)
        return Result(
            ZERO, "missing", _("Tidak ada agenda kegiatan sejak %(days)s hari lalu.") % {"days": days}, fix
        )

    return ctx.per_village(result)


@check("D.pengumuman")
def announcements(ctx, params):
    days = int(params.get("days", 90))
    have = set(
        ctx.pages(_model("villages.AnnouncementPage"))
        .filter(Q(valid_until__gte=ctx.day) | Q(valid_from__gt=days_ago(ctx.day, days)))
        .values_list("village_id", flat=True)
    )

    def result(vid):
        index_id = _all_sections(ctx, "villages.AnnouncementIndexPage").get(vid)
        fix = ctx.urls.add("villages", "announcementpage", index_id) if index_id else ""
        if vid in have:
            return ok(fix)
        return Result(
            ZERO,
            "missing",
            _("Tidak ada pengumuman yang berlaku atau terbit dalam %(days)s hari terakhir.") % {"days": days},
            fix,
        )

    return ctx.per_village(result)


# --------------------------------------------------------------------------- E


@check("E.kontak")
def contact(ctx, params):
    rows = {
        pk: (address, phone, whatsapp, email)
        for pk, address, phone, whatsapp, email in _model("villages.VillageHomePage")
        .objects.filter(pk__in=ctx.home_page_ids())
        .values_list("pk", "address", "phone", "whatsapp", "email")
    }

    def result(vid):
        page_id = ctx.home.get(vid)
        fix = ctx.urls.edit(page_id)
        address, phone, whatsapp, email = rows.get(page_id, ("", "", "", ""))
        missing = []
        if not (address or "").strip():
            missing.append(_("alamat kantor"))
        if not (str(phone or "") or str(whatsapp or "") or email):
            missing.append(_("telepon, WhatsApp atau surel"))
        if not missing:
            return ok(fix)
        fraction = HALF if len(missing) == 1 else ZERO
        text = _("Kontak kantor desa belum lengkap: %(what)s belum diisi.") % {"what": "; ".join(missing)}
        return Result(fraction, "partial" if fraction else "missing", text, fix)

    return ctx.per_village(result)


@check("E.https")
def https(ctx, params):
    if getattr(settings, "SECURE_SSL_REDIRECT", False):
        return ctx.per_village(lambda vid: ok())
    missing = Result(ZERO, "missing", _("Server belum memaksa HTTPS (urusan Diskominfo, bukan desa)."), "")
    return ctx.per_village(lambda vid: missing)


@check("E.domain")
def own_domain(ctx, params):
    from wagtail.models import Site

    roots = set(
        Site.objects.filter(root_page_id__in=ctx.home_page_ids()).values_list("root_page_id", flat=True)
    )
    missing = Result(ZERO, "missing", _("Desa belum punya domain sendiri (desa.id)."), "")
    return ctx.per_village(lambda vid: ok() if ctx.home.get(vid) in roots else missing)


@check("E.dokumen_ringan")
def light_documents(ctx, params):
    """Share of the village's documents (its collection) within the size budget; the largest too heavy
    one is where to fix it (its edit form replaces the file). No documents: nothing heavy to open."""
    from wagtail.documents import get_document_model

    budget_mb = Decimal(str(params.get("max_mb", 5))) or Decimal("5")
    budget = int(budget_mb * 1024 * 1024)
    documents = get_document_model().objects.order_by()
    if ctx.subset:
        documents = documents.filter(collection__village__in=ctx.ids)
    else:
        documents = documents.filter(collection__village__district__regency_id=ctx.regency.pk)
    totals = dict(
        documents.values("collection__village")
        .annotate(n=Count("pk"))
        .values_list("collection__village", "n")
    )
    heavy = {}  # village id: (n too heavy, (size, pk) of the largest)
    for vid, pk, size in documents.filter(file_size__gt=budget).values_list(
        "collection__village", "pk", "file_size"
    ):
        n, largest = heavy.get(vid, (0, (0, None)))
        heavy[vid] = (n + 1, max(largest, (size, pk)))
    budget_text = f"{budget_mb.normalize():f}".replace(".", ",")

    def result(vid):
        if vid not in heavy:
            return ok()
        n, (_size, pk) = heavy[vid]
        total = totals[vid]
        return Result(
            (Decimal(total - n) / total).quantize(Decimal("0.0001")),
            "partial" if n < total else "missing",
            _("%(n)s dari %(total)s dokumen desa lebih besar dari %(mb)s MB, berat dibuka di ponsel.")
            % {"n": n, "total": total, "mb": budget_text},
            ctx.urls.get("wagtaildocs:edit", pk),
        )

    return ctx.per_village(result)


# --------------------------------------------------------------------------- F


@check("F.kontak_darurat")
def emergency_contacts(ctx, params):
    keywords = [k for k in params.get("keywords", ["darurat"]) if k] or ["darurat"]
    condition = Q()
    for keyword in keywords:
        condition |= Q(title__icontains=keyword) | Q(slug__icontains=keyword)
    have = set(
        ctx.pages(_model("villages.StandardPage")).filter(condition).values_list("village_id", flat=True)
    )

    def result(vid):
        fix = ctx.urls.add("villages", "standardpage", ctx.home.get(vid))
        if vid in have:
            return ok(fix)
        return Result(ZERO, "missing", _("Belum ada halaman kontak darurat."), fix)

    return ctx.per_village(result)


@check("F.serta_merta", app="ppid")
def dip_immediate(ctx, params):
    return ctx.per_village(lambda vid: _dip_result(ctx, vid, "serta_merta", _("Informasi serta merta DIP")))


def run(check_id, ctx, params):
    """{village_id: Result} of one check; unknown or uninstalled: "unavailable" for every village."""
    entry = REGISTRY.get(check_id)
    if entry is None or (entry[1] and not apps.is_installed(f"sinergi.{entry[1]}")):
        return ctx.per_village(lambda vid: unavailable())
    return entry[0](ctx, params or {})
