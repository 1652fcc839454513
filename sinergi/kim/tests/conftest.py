"""KIM personas: a member and the lead of Sebuntal's KIM, and a member of Santan Ulu's KIM."""

import uuid

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django_scopes import scope, scopes_disabled

from sinergi.kim.models import Kim, KimMember
from sinergi.kim.services import save_report

PASSWORD = "uji-sandi-sinergi"


def _kim(village, name):
    with scope(village=village):
        return Kim.objects.create(village=village, name=name, decree_number="141/05/SK/2023")


def _member(kim, name, position=KimMember.Position.MEMBER, username=None):
    user = (
        get_user_model().objects.create_user(
            username=username, password=PASSWORD, email=f"{username}@contoh.id"
        )
        if username
        else None
    )
    with scope(village=kim.village):
        return KimMember.objects.create(
            kim=kim, name=name, position=position, phone="081234567890", user=user
        )


@pytest.fixture
def kim(sebuntal):
    return _kim(sebuntal, "KIM Sebuntal Bersatu")


@pytest.fixture
def member(kim):
    return _member(kim, "Andi Saputra", username="kim.andi")


@pytest.fixture
def member_client(member):
    """A phone on which `member` is signed in."""
    client = Client()
    client.force_login(member.user)
    return client


@pytest.fixture
def lead(kim):
    return _member(kim, "Rina Wati", KimMember.Position.CHAIR, username="ketua.rina")


@pytest.fixture
def other_kim(santan_ulu):
    return _kim(santan_ulu, "KIM Santan Ulu Maju")


@pytest.fixture
def other_member(other_kim):
    return _member(other_kim, "Dedi", username="kim.dedi")


def write_report(member, title="Gotong royong membersihkan parit di Dusun II", **fields):
    values = {
        "title": title,
        "body": "Warga Dusun II bergotong royong membersihkan parit pada Sabtu pagi.\n\nKegiatan dipimpin Ketua RT.",
        "place": "Dusun II RT 05",
        **fields,
    }
    return save_report(member, client_key=uuid.uuid4(), fields=values).report


@pytest.fixture
def unscoped():
    with scopes_disabled():
        yield
