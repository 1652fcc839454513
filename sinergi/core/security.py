"""Security headers: a strict Content-Security-Policy for public pages, a looser one for the admin.

Public pages load nothing from other hosts and run no inline script. The only inline element is the
village's colour (a one-line <style>), allowed by its SHA-256 hash, which the template registers
through `register_inline_style`. The Wagtail admin still relies on inline styles and scripts, so it
gets 'unsafe-inline' for those and nothing else (docs/security.md).
"""

import base64
import hashlib
from functools import lru_cache
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.storage import storages

ADMIN_PREFIXES = ("/admin/", "/django-admin/")

PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), interest-cohort=()"
)
# The KIM report form's "Gunakan lokasi saya" button asks the phone for its location: /kim/ only.
KIM_PERMISSIONS_POLICY = PERMISSIONS_POLICY.replace("geolocation=()", "geolocation=(self)")


def register_inline_style(request, css: str) -> None:
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    hashes = getattr(request, "csp_style_hashes", None)
    if hashes is None:
        hashes = request.csp_style_hashes = []
    hashes.append(f"'sha256-{digest}'")


@lru_cache(maxsize=16)
def storage_origin(storage) -> str | None:
    """The origin `storage` serves its files from, or None for our own origin.

    Taken from the storage's own url() (custom domain, endpoint with path-style or virtual-hosted bucket,
    AWS's default host, a signed URL, an absolute MEDIA_URL), so the policy cannot disagree with the links.
    Cached per storage instance: its address does not change while it lives.
    """
    parts = urlsplit(storage.url("x.jpg"))
    if not parts.hostname:
        return None
    host = parts.hostname if parts.port is None else f"{parts.hostname}:{parts.port}"
    # A protocol-relative URL: a host-source without a scheme matches the page's own scheme.
    return f"{parts.scheme}://{host}" if parts.scheme else host


def _media_origin() -> str:
    # Every configured storage whose files pages may show (a private one included); static files are
    # WhiteNoise's, always on our own origin, and their manifest storage refuses unknown names.
    origins = {storage_origin(storages[alias]) for alias in settings.STORAGES if alias != "staticfiles"}
    return "".join(f" {origin}" for origin in sorted(origins - {None}))


def public_policy(style_hashes: list[str]) -> str:
    styles = " ".join(["'self'", *style_hashes])
    return (
        "default-src 'self'; "
        f"img-src 'self' data:{_media_origin()}; "
        f"style-src {styles}; "
        "script-src 'self'; "
        "font-src 'self'; "
        "connect-src 'self'; "
        "object-src 'none'; "
        "base-uri 'self'; "
        "form-action 'self'; "
        "frame-ancestors 'none'"
    )


def admin_policy() -> str:
    return (
        "default-src 'self'; "
        f"img-src 'self' data: blob:{_media_origin()}; "
        "style-src 'self' 'unsafe-inline'; "
        "script-src 'self' 'unsafe-inline'; "
        "font-src 'self' data:; "
        "connect-src 'self'; "
        "object-src 'none'; "
        "base-uri 'self'; "
        "form-action 'self'; "
        # The page preview is an iframe of our own origin.
        "frame-ancestors 'self'"
    )


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # A response replayed from the page cache already carries its own policy and hashes.
        if "Content-Security-Policy" not in response:
            if request.path.startswith(ADMIN_PREFIXES):
                response["Content-Security-Policy"] = admin_policy()
                response["X-Frame-Options"] = "SAMEORIGIN"
            else:
                response["Content-Security-Policy"] = public_policy(getattr(request, "csp_style_hashes", []))
        response.setdefault(
            "Permissions-Policy",
            KIM_PERMISSIONS_POLICY if request.path.startswith("/kim/") else PERMISSIONS_POLICY,
        )
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response
