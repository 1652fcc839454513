"""Regency-wide defaults that provisioning applies to every village.

These are editable starting points, not rules: operators change them freely afterwards and
re-provisioning never overwrites what they changed.
"""

from django.utils.translation import gettext_lazy as _

# Standard sections of a village website: (page class path, slug, title). Order = menu order.
VILLAGE_SECTIONS = [
    ("villages.ProfilePage", "profil", _("Profil Desa")),
    ("villages.GovernmentPage", "pemerintahan", _("Pemerintahan Desa")),
    ("villages.NewsIndexPage", "berita", _("Berita")),
    ("villages.AnnouncementIndexPage", "pengumuman", _("Pengumuman")),
    ("villages.AgendaIndexPage", "agenda", _("Agenda")),
    ("villages.GalleryIndexPage", "galeri", _("Galeri")),
    ("villages.PotentialIndexPage", "potensi", _("Potensi Desa")),
    ("villages.LegalIndexPage", "produk-hukum", _("Produk Hukum")),
    ("villages.TransparencyPage", "transparansi", _("Transparansi")),
    ("villages.PpidPage", "ppid", _("PPID")),
    ("villages.ComplaintsPage", "pengaduan", _("Pengaduan")),
    ("kim.KimPage", "kim", _("KIM")),
    ("villages.ContactPage", "kontak", _("Kontak")),
]

# Sections shown in the top menu; the rest are reached from the home page and the footer.
MENU_SECTIONS = {"profil", "pemerintahan", "berita", "pengumuman", "agenda", "transparansi", "ppid", "kontak"}

DEFAULT_NEWS_CATEGORIES = [
    ("Pemerintahan", "pemerintahan"),
    ("Pembangunan", "pembangunan"),
    ("Kemasyarakatan", "kemasyarakatan"),
    ("Pemberdayaan Masyarakat", "pemberdayaan"),
    ("Kesehatan", "kesehatan"),
    ("Pendidikan", "pendidikan"),
    ("Pertanian dan Perikanan", "pertanian-perikanan"),
    ("Seni dan Budaya", "seni-budaya"),
    ("Kabar KIM", "kim"),
]

# Sections of the regency portal itself.
PORTAL_SECTIONS = [
    ("villages.NewsIndexPage", "berita", _("Berita Kabupaten")),
    ("villages.AnnouncementIndexPage", "pengumuman", _("Pengumuman Kabupaten")),
]

# Spellings seen in other sources (docs/domain.md, "Regions and Kemendagri codes"), kept for search.
ALTERNATIVE_NAMES = {
    "64.02.17.2008": "Perangat Selatan",
    "64.02.17.2009": "Perangat Baru",
    "64.02.17.2010": "Semangkok",
}
