"""Report and activity photos: cleaned by the one image cleaner (sinergi.core.images), within KIM's
per-photo size limit, stored in the private storage and shown only to the people who may see them.
"""

from django.conf import settings
from django.http import Http404
from django.http.response import HttpResponseBase
from django_scopes import scopes_disabled

from sinergi.accounts.access import may_manage
from sinergi.core.images import PHOTO_MAX_EDGE, CleanPhoto, clean_image
from sinergi.core.images import ensure_clean as _ensure_clean
from sinergi.core.storage import private_file_response
from sinergi.kim.models import KimMember


def max_upload_bytes() -> int:
    return getattr(settings, "KIM_PHOTO_MAX_UPLOAD_MB", 10) * 1024 * 1024


def clean_photo(uploaded) -> CleanPhoto:
    """Validate an uploaded photo and return a metadata-free copy; raise ValidationError otherwise."""
    return clean_image(uploaded, max_bytes=max_upload_bytes(), max_edge=PHOTO_MAX_EDGE)


def ensure_clean(photo) -> CleanPhoto:
    """`photo` if clean_photo already made it, else clean_photo(photo) (which may raise ValidationError)."""
    return _ensure_clean(photo, max_bytes=max_upload_bytes(), max_edge=PHOTO_MAX_EDGE)


def _member_of(user):
    if not user.is_authenticated:
        return None
    with scopes_disabled():
        return (
            KimMember.objects.filter(user=user, is_active=True, kim__is_active=True)  # KimMember.may_sign_in
            .select_related("kim")
            .first()
        )


def may_see_report_photo(user, photo) -> bool:
    """The report's author, the lead of the author's KIM, and the people who manage its village."""
    report = photo.report
    if may_manage(user, report.village_id):
        return True
    member = _member_of(user)
    if member is None:
        return False
    return member.pk == report.author_id or (member.is_lead and member.kim_id == report.kim_id)


def may_see_activity_photo(user, photo) -> bool:
    """The members of the KIM that recorded the activity, and the people who manage its village."""
    if may_manage(user, photo.village_id):
        return True
    member = _member_of(user)
    return member is not None and member.kim_id == photo.activity.kim_id


def photo_response(user, photo, allowed) -> HttpResponseBase:
    """The photo's file for a person `allowed(user, photo)` lets see it; a 404 for anyone else."""
    if not allowed(user, photo):
        raise Http404
    content_type = {"PNG": "image/png", "WEBP": "image/webp"}.get(photo.format, "image/jpeg")
    return private_file_response(photo.file, content_type)
