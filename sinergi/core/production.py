"""Settings that production mode (SINERGI_PRODUCTION=1) refuses to start with.

`production_problems` is a pure function of the settings values, so the rules are tested as a table;
settings.py calls `refuse_unsafe_settings(globals())` last and every problem is reported at once,
not one per restart. The messages are plain Indonesian strings: translation cannot run while the
settings themselves are still loading.
"""

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

DEVELOPMENT_SECRET_KEY = "sinergi-development-key-not-for-production"

# Back ends that never deliver a message: password-reset links would end up in a log or in memory.
UNDELIVERED_EMAIL_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
}
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "0.0.0.0"}  # noqa: S104 - names refused, not bound


def production_problems(config: Mapping[str, Any]) -> list[str]:
    """Every reason the settings in `config` (settings.py's globals) are unsafe for production."""
    problems = []
    if config.get("DEBUG"):
        problems.append("DEBUG aktif: setel DEBUG=0 (halaman galat membuka isi pengaturan kepada siapa pun).")
    if config.get("SECRET_KEY", "") in ("", DEVELOPMENT_SECRET_KEY):
        problems.append(
            "SECRET_KEY masih kunci pengembangan: setel SECRET_KEY ke nilai acak yang panjang dan rahasia."
        )
    engine = config.get("DATABASES", {}).get("default", {}).get("ENGINE", "")
    if engine.endswith("sqlite3"):
        problems.append(
            "Basis data masih SQLite: setel DATABASE_URL=postgres://pengguna:sandi@host:5432/sinergi."
        )
    if not config.get("REDIS_URL") and not config.get("SINGLE_PROCESS"):
        problems.append(
            "Cache hanya ada di memori tiap proses: setel REDIS_URL=redis://host:6379/0 (wajib bila lebih "
            "dari satu proses melayani situs), atau SINGLE_PROCESS=1 bila memang hanya satu proses."
        )
    backend = config.get("EMAIL_BACKEND", "")
    if backend in UNDELIVERED_EMAIL_BACKENDS:
        problems.append(
            f"E-mail tidak pernah terkirim ({backend.rsplit('.', 2)[-2]}): setel EMAIL_HOST (server SMTP) "
            "beserta EMAIL_HOST_USER dan EMAIL_HOST_PASSWORD bila diperlukan."
        )
    sender = config.get("DEFAULT_FROM_EMAIL", "")
    if "@" not in sender or sender.rsplit("@", 1)[1].rstrip(">").lower() in LOCAL_HOSTS:
        problems.append(
            f"DEFAULT_FROM_EMAIL ({sender or 'kosong'}) bukan alamat pengirim yang sah: setel "
            "DEFAULT_FROM_EMAIL=noreply@domain-kabupaten.go.id."
        )
    if config.get("SERVE_MEDIA"):
        problems.append(
            "Berkas unggahan dilayani oleh proses aplikasi: setel S3_BUCKET (penyimpanan S3), atau "
            "SERVE_MEDIA=0 dan layani MEDIA_ROOT dari nginx."
        )
    base_url = config.get("BASE_URL", "")
    parts = urlsplit(base_url)
    if parts.scheme != "https" or (parts.hostname or "") in LOCAL_HOSTS:
        problems.append(
            f"BASE_URL ({base_url or 'kosong'}) bukan alamat publik HTTPS: setel "
            "BASE_URL=https://alamat-portal (dipakai untuk tautan di e-mail)."
        )
    return problems


def refuse_unsafe_settings(config: Mapping[str, Any]) -> None:
    problems = production_problems(config)
    if problems:
        lines = "\n".join(f"  - {problem}" for problem in problems)
        raise ImproperlyConfigured(
            f"Mode produksi (SINERGI_PRODUCTION=1) menolak berjalan, {len(problems)} masalah:\n{lines}\n"
            "Lihat docs/deployment.md."
        )
