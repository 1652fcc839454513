"""Test fixtures shared by every app.

The regency is provisioned once per test session (Marang Kayu and Tenggarong of 64.02: desa and
kelurahan); each test runs in a transaction that is rolled back, so tests may change anything.
Personas follow healthchecks' pattern: an operator of the village, an operator of another village,
the regency admin and an anonymous visitor.
"""

import pytest
from django.contrib.auth import get_user_model

from sinergi.regions.provisioning import provision_regency

TEST_REGENCY = "64.02"
TEST_DISTRICTS = ["64.02.17", "64.02.06"]  # Marang Kayu (11 desa), Tenggarong (kelurahan and desa)
SEBUNTAL = "64.02.17.2001"
SANTAN_ULU = "64.02.17.2002"
PASSWORD = "uji-sandi-sinergi"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        provision_regency(TEST_REGENCY, district_codes=TEST_DISTRICTS)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    private = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(tmp_path / "private")},
    }
    settings.STORAGES = {**settings.STORAGES, "private": private}
    # Test users need no slow password hashing.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Every prepared query is checked against the queryset it was compiled from (core/prepared.py).
    settings.VERIFY_PREPARED_QUERIES = True


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def regency(db):
    from sinergi.regions.models import Regency

    return Regency.objects.get(code=TEST_REGENCY)


@pytest.fixture
def sebuntal(db):
    from sinergi.regions.models import Village

    return Village.objects.select_related("page", "collection", "operators_group").get(code=SEBUNTAL)


@pytest.fixture
def santan_ulu(db):
    from sinergi.regions.models import Village

    return Village.objects.select_related("page", "collection", "operators_group").get(code=SANTAN_ULU)


def _user(username, **extra):
    return get_user_model().objects.create_user(username=username, password=PASSWORD, **extra)


@pytest.fixture
def operator(sebuntal):
    """Operator of Desa Sebuntal."""
    from sinergi.accounts.services import make_village_operator

    user = _user("operator.sebuntal", email="operator@sebuntal.test")
    make_village_operator(user, sebuntal)
    return user


@pytest.fixture
def other_operator(santan_ulu):
    """Operator of Desa Santan Ulu, a neighbour who must never reach Sebuntal."""
    from sinergi.accounts.services import make_village_operator

    user = _user("operator.santan-ulu", email="operator@santan-ulu.test")
    make_village_operator(user, santan_ulu)
    return user


@pytest.fixture
def regency_admin(regency):
    from sinergi.accounts.services import make_regency_admin

    user = _user("diskominfo", email="admin@kukar.test")
    make_regency_admin(user, regency)
    return user


@pytest.fixture
def operator_client(client, operator):
    client.force_login(operator)
    return client


@pytest.fixture
def other_operator_client(client, other_operator):
    client.force_login(other_operator)
    return client
