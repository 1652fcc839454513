"""Builders for the member-side tests: members with accounts, photos (with GPS, broken, huge), sending the form."""

import io
import re
import uuid

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django_scopes import scope, scopes_disabled
from PIL import Image

from sinergi.kim.auth import username_for
from sinergi.kim.models import KimMember, Report

PASSWORD = "uji-sandi-sinergi"  # conftest's
NEW_REPORT = "/kim/laporan/baru/"
JSON = {"HTTP_ACCEPT": "application/json"}


def make_member(kim, name, *, phone="", email="", position=KimMember.Position.MEMBER, account=True):
    """A member of `kim`; with `account`, a user named as an accepted invitation would name it."""
    with scope(village=kim.village):
        member = KimMember.objects.create(kim=kim, name=name, position=position, phone=phone, email=email)
    if account:
        user = get_user_model().objects.create_user(
            username=username_for(member), password=PASSWORD, email=email
        )
        with scope(village=kim.village):
            member.user = user
            member.save(update_fields=["user"])
    return member


def jpeg(width=64, height=48, colour=(30, 120, 60), gps=False) -> bytes:
    image = Image.new("RGB", (width, height), colour)
    buffer = io.BytesIO()
    if gps:
        exif = Image.Exif()
        exif[0x010F] = "KameraRahasia"  # camera make
        exif[0x013B] = "Pemilik Foto"  # artist
        exif.get_ifd(0x8825).update({1: "S", 2: (0.0, 30.0, 15.5), 3: "E", 4: (117.0, 10.0, 0.0)})
        image.save(buffer, "JPEG", exif=exif)
    else:
        image.save(buffer, "JPEG")
    return buffer.getvalue()


def photo(name="foto.jpg", content=None, content_type="image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, jpeg() if content is None else content, content_type=content_type)


def report_data(**overrides) -> dict:
    data = {
        "client_key": str(uuid.uuid4()),
        "send_key": str(uuid.uuid4()),
        "title": "Warga Dusun II gotong royong membersihkan parit",
        "body": "Warga Dusun II bergotong royong membersihkan parit pada Sabtu pagi.\n\nKegiatan dipimpin Ketua RT.",
        "place": "Dusun II RT 05",
        "event_date": "2025-08-16",
        "consent_confirmed": "on",
        "action": "draft",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def reports_of(member):
    with scope(village=member.village):
        return list(Report.objects.filter(author=member).prefetch_related("photos"))


def all_reports():
    with scopes_disabled():
        return list(Report.objects.all())


def text_of(response) -> str:
    """The visible text of a page, tags removed, entities as they are."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))
