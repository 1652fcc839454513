"""Demo PPID of each Marang Kayu village: its profile (PPID, atasan, SK PPID) and a DIP with most entries
linked to the village's own pages and documents, one of them out of date. Safe to run twice: what is
already set is left alone."""

import datetime as dt

from django.core.files.base import ContentFile
from django_scopes import scope
from wagtail.documents import get_document_model

from sinergi.ppid.dip_catalogue import ensure_entries
from sinergi.ppid.dip_models import DipEntry, InfoClass, add_months
from sinergi.ppid.models import PpidPage
from sinergi.villages.models import (
    AnnouncementIndexPage,
    ContactPage,
    GovernmentPage,
    LegalDocumentPage,
    LegalIndexPage,
    NewsIndexPage,
    Official,
    ProfilePage,
)

# Items left without a link, so the demo shows what a gap looks like.
LEFT_OPEN = {"program-masuk", "laporan-kinerja", "setiap-saat-perjanjian"}
# An item linked long ago, so the demo shows an out-of-date entry.
STALE = "laporan-keuangan"


def _pdf(text: str) -> bytes:
    """A one-page PDF with one line of text (ASCII), enough to be a real document to download."""
    line = text.encode("ascii", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 12 Tf 50 780 Td (" + line + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _document(loader, title: str, filename: str):
    model = get_document_model()
    existing = model.objects.filter(collection=loader.collection, title=title).first()
    if existing is not None:
        return existing
    loader.report.note("dokumen")
    return model.objects.create(
        title=title, collection=loader.collection, file=ContentFile(_pdf(title), name=filename)
    )


def load_ppid(loader, publish) -> None:
    """Fill the PPID profile and the DIP of `loader.village` (a sinergi.demo.content.VillageLoader)."""
    village, today = loader.village, loader.today
    page = loader.sections.get(PpidPage)
    if page is None:
        return
    government = loader.sections.get(GovernmentPage)
    officials = list(Official.objects.filter(page=government)) if government else []
    secretary = next((o for o in officials if o.position.lower().startswith("sekretaris")), None)
    head = next((o for o in officials if o.tier == Official.Tier.HEAD), None)
    year = today.year
    decree_title = f"SK Kepala {village.display_name} tentang PPID Desa {year}"
    changed = False
    if page.decree_id is None:
        page.decree = _document(loader, decree_title, f"sk-ppid-{year}.pdf")
        page.decree_number = f"141/{loader.index + 3:02d}/SK-PPID/{year}"
        changed = True
    if page.ppid_official_id is None and secretary is not None:
        page.ppid_official, changed = secretary, True
    if page.superior_official_id is None and head is not None:
        page.superior_official, changed = head, True
    if not page.intro:
        page.intro = (
            f"Pejabat Pengelola Informasi dan Dokumentasi (PPID) {village.display_name} melayani permohonan "
            "informasi publik warga sesuai UU 14/2008 dan Perki 1/2018."
        )
        changed = True
    if changed:
        publish(page, loader.report)
        loader.report.note("halaman diperbarui")
    _link_entries(loader, page)


def _link_entries(loader, ppid_page) -> None:
    village, today, sections = loader.village, loader.today, loader.sections
    legal = list(LegalDocumentPage.objects.filter(village=village).order_by("-year"))
    perdes_apb = next((p for p in legal if p.slug.startswith("perdes-apbdes-")), None)
    perdes_lpj = next((p for p in legal if p.slug.startswith("perdes-lpj-")), None)
    pages = {
        "profil-alamat": sections.get(ContactPage),
        "profil-visi-misi": sections.get(ProfilePage),
        "profil-tugas-fungsi": sections.get(GovernmentPage),
        "profil-struktur": sections.get(GovernmentPage),
        "profil-pejabat": sections.get(GovernmentPage),
        "program-berjalan": sections.get(NewsIndexPage),
        "rpjm-desa": sections.get(LegalIndexPage),
        "perdes-apb-desa": perdes_apb,
        "apb-desa": perdes_apb,
        "rkp-desa": sections.get(LegalIndexPage),
        "laporan-keuangan": perdes_lpj,
        "serta-merta-bencana": sections.get(AnnouncementIndexPage),
        "serta-merta-wabah": sections.get(AnnouncementIndexPage),
        "serta-merta-ketertiban": sections.get(AnnouncementIndexPage),
        "serta-merta-evakuasi": sections.get(ContactPage),
        "setiap-saat-dip": ppid_page,
        "setiap-saat-keputusan": sections.get(LegalIndexPage),
        "setiap-saat-kebijakan": sections.get(LegalIndexPage),
        "setiap-saat-rencana-proyek": sections.get(LegalIndexPage),
        "setiap-saat-pertemuan": sections.get(NewsIndexPage),
        "setiap-saat-prosedur": ppid_page,
        "setiap-saat-laporan-layanan": ppid_page,
    }
    ensure_entries(villages=[village])
    with scope(village=village):
        entries = list(DipEntry.objects.filter(village=village).select_related("item"))
        for n, entry in enumerate(entries):
            key = entry.item.key
            if entry.available or key in LEFT_OPEN or entry.item.info_class == InfoClass.DIKECUALIKAN:
                continue
            target = pages.get(key)
            if target is None:
                continue
            entry.page = target
            if key == STALE:
                entry.updated_on = add_months(today, -14)
            else:
                entry.updated_on = today - dt.timedelta(days=(n * 3) % 40)
            entry.save()
            loader.report.note("isian DIP")
