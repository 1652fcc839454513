"""Stand-in PDFs of the demo's legal products, drawn with fpdf2 (no download, no system library).

Each says on its first line that it is a demo document, then carries the heading a real Peraturan
Desa or Keputusan Kepala Desa would have, so that the Produk Hukum pages have a real file to open.
"""

from fpdf import FPDF

DEMO_NOTICE = "DOKUMEN CONTOH (DEMO SINERGI) - BUKAN PRODUK HUKUM YANG BERLAKU"


def _latin1(text: str) -> str:
    # fpdf2's core fonts are Latin-1.
    return text.encode("latin-1", "replace").decode("latin-1")


def _line(pdf, height, text, align="L"):
    pdf.multi_cell(0, height, _latin1(text), align=align, new_x="LMARGIN", new_y="NEXT")


def legal_pdf(
    *, village: str, kind: str, number: str, year: int, title: str, about: str, enacted: str
) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_title(_latin1(title))
    pdf.set_author(_latin1(f"Pemerintah {village}"))
    pdf.set_creator("Sinergi demo")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 9)
    pdf.set_text_color(180, 0, 0)
    _line(pdf, 5, DEMO_NOTICE, "C")
    pdf.ln(6)
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("Helvetica", "B", 13)
    _line(pdf, 7, f"{kind.upper()} {village.upper()}", "C")
    _line(pdf, 7, f"NOMOR {number} TAHUN {year}", "C")
    pdf.ln(3)
    pdf.set_font("Helvetica", "", 11)
    _line(pdf, 6, "TENTANG", "C")
    pdf.set_font("Helvetica", "B", 11)
    _line(pdf, 6, title.upper(), "C")
    pdf.ln(8)
    pdf.set_font("Helvetica", "", 11)
    _line(pdf, 6, about)
    pdf.ln(8)
    _line(pdf, 6, f"Ditetapkan di {village}\npada tanggal {enacted}", "R")
    return bytes(pdf.output())
