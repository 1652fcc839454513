"""Sign-in throttling at /admin/login/: per account, per address, the Indonesian message, the unlock page.

Every request goes through the real login form (client.post), with REMOTE_ADDR set per request to play
several machines. Limits are the production defaults: 5 failures per account, 20 per address.
"""

import re

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client, RequestFactory
from django.urls import reverse

from sinergi.accounts.throttling import client_ip_address

pytestmark = pytest.mark.django_db

PASSWORD = "uji-sandi-sinergi"  # conftest's
LOGIN = "/admin/login/"
LOCKOUTS = "/admin/kunci-masuk/"
LOCKED = re.compile(
    r"Terlalu banyak percobaan masuk\. Coba lagi dalam (\d+) menit atau hubungi admin kabupaten\."
)


@pytest.fixture(autouse=True)
def _fast_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def sign_in(username, password, address="203.0.113.10", client=None):
    client = client or Client()
    response = client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)
    return client, response


def signed_in(response) -> bool:
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def fail_times(username, n, addresses):
    """n wrong passwords; the one that reaches the account limit already answers with the lockout."""
    for i in range(n):
        _client, response = sign_in(username, "salah-sandi", address=addresses[i % len(addresses)])
        expected = 429 if i + 1 >= settings.AXES_FAILURE_LIMIT else 200
        assert response.status_code == expected, f"failure {i + 1}: {response.status_code}"


def test_limits_are_the_documented_ones():
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.SINERGI_LOGIN_FAILURES_PER_ADDRESS == 20
    assert settings.AXES_LOCKOUT_PARAMETERS == ["username", "ip_address"]


def test_four_failures_do_not_lock_and_a_success_clears_them(operator):
    fail_times(operator.username, 4, ["203.0.113.1"])
    _client, response = sign_in(operator.username, PASSWORD, address="203.0.113.1")
    assert signed_in(response)
    assert not AccessAttempt.objects.filter(username=operator.username).exists()


def test_five_wrong_passwords_lock_the_account_from_every_address(operator):
    fail_times(operator.username, 5, [f"198.51.100.{i}" for i in range(1, 6)])

    # The right password, from an address that never failed: still refused.
    client, response = sign_in(operator.username, PASSWORD, address="192.0.2.77")

    assert response.status_code == 429
    assert not signed_in(response)
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("wagtailadmin_home")).status_code == 302  # not signed in


def test_the_locked_user_sees_the_indonesian_message_on_the_login_page(operator):
    fail_times(operator.username, 5, ["198.51.100.1", "198.51.100.2"])

    _client, response = sign_in(operator.username, PASSWORD, address="198.51.100.3")

    html = response.content.decode()
    match = LOCKED.search(html)
    assert match, html[:2000]
    assert int(match.group(1)) == 15
    assert 'class="login-form"' in html  # still the Wagtail login page, not a bare error
    assert 'name="username"' in html and 'name="password"' in html
    assert "Pastikan Anda memasukkan nama pengguna dan sandi yang benar" not in html  # only the lock reason
    assert response["Content-Type"].startswith("text/html")


def test_attempts_during_a_lockout_do_not_prolong_it(operator):
    fail_times(operator.username, 5, ["198.51.100.1"])
    since = AccessAttempt.objects.get(username=operator.username).attempt_time
    for _ in range(3):
        sign_in(operator.username, "salah-lagi", address="198.51.100.1")
    attempt = AccessAttempt.objects.get(username=operator.username)
    assert attempt.attempt_time == since
    assert attempt.failures_since_start == 5


def test_many_failures_across_accounts_lock_the_address(operator, other_operator, regency_admin):
    attacker = "203.0.113.66"
    # 20 guesses spread over 5 account names, 4 each: no account reaches its own limit.
    names = ["andi", "budi", "citra", "dewi", "eko"]
    for i in range(20):
        _client, response = sign_in(names[i % 5], "tebakan", address=attacker)
        assert response.status_code == (429 if i == 19 else 200), f"failure {i + 1}"

    # Now nobody signs in from that address, not even with a right password ...
    _client, response = sign_in(regency_admin.username, PASSWORD, address=attacker)
    assert response.status_code == 429
    assert LOCKED.search(response.content.decode())
    # ... while the same account signs in from elsewhere.
    _client, response = sign_in(regency_admin.username, PASSWORD, address="192.0.2.5")
    assert signed_in(response)


def test_a_success_does_not_clear_the_failures_of_the_address(operator, other_operator):
    """Someone with one account must not reset the address count between guesses at other accounts."""
    attacker = "203.0.113.99"
    names = ["andi", "budi", "citra", "dewi", "eko"]
    for i in range(19):
        sign_in(names[i % 5], "tebakan", address=attacker)
    _client, response = sign_in(other_operator.username, PASSWORD, address=attacker)
    assert signed_in(response)

    _client, response = sign_in("fajar", "tebakan", address=attacker)  # the 20th failure
    _client, response = sign_in(operator.username, PASSWORD, address=attacker)
    assert response.status_code == 429


def test_the_regency_admin_unlocks_the_account_and_the_user_signs_in_again(client, operator, regency_admin):
    fail_times(operator.username, 5, ["198.51.100.1", "198.51.100.2"])
    assert sign_in(operator.username, PASSWORD, address="198.51.100.9")[1].status_code == 429

    admin = Client()
    admin.force_login(regency_admin)
    listing = admin.get(LOCKOUTS)
    assert listing.status_code == 200
    html = listing.content.decode()
    assert operator.username in html
    assert "198.51.100.1" in html and "198.51.100.2" in html
    assert "Buka kunci" in html
    assert re.search(r'<form method="post"[^>]*>\s*<input type="hidden" name="csrfmiddlewaretoken"', html)

    response = admin.post(LOCKOUTS, {"kind": "username", "value": operator.username}, follow=True)
    assert response.status_code == 200
    assert operator.username not in [lockout.value for lockout in response.context["lockouts"]]
    assert not AccessAttempt.objects.filter(username=operator.username).exists()

    _client, response = sign_in(operator.username, PASSWORD, address="198.51.100.9")
    assert signed_in(response)


def test_the_regency_admin_unlocks_an_address(regency_admin, operator):
    attacker = "203.0.113.66"
    for i in range(20):
        sign_in(f"orang{i % 5}", "tebakan", address=attacker)
    admin = Client()
    admin.force_login(regency_admin)
    assert attacker in admin.get(LOCKOUTS).content.decode()

    admin.post(LOCKOUTS, {"kind": "ip_address", "value": attacker})

    _client, response = sign_in(operator.username, PASSWORD, address=attacker)
    assert signed_in(response)


def test_the_unlock_page_is_in_the_regency_admins_settings_menu(regency_admin, operator):
    admin = Client()
    admin.force_login(regency_admin)
    assert LOCKOUTS in admin.get(reverse("wagtailadmin_home")).content.decode()

    other = Client()
    other.force_login(operator)
    assert LOCKOUTS not in other.get(reverse("wagtailadmin_home")).content.decode()


def test_a_village_operator_cannot_reach_the_unlock_page(operator):
    fail_times("budi", 5, ["198.51.100.1"])
    client = Client(enforce_csrf_checks=False)
    client.force_login(operator)

    assert client.get(LOCKOUTS).status_code == 403
    assert client.post(LOCKOUTS, {"kind": "username", "value": "budi"}).status_code == 403
    assert AccessAttempt.objects.filter(username="budi").exists()


def test_anonymous_visitors_are_sent_to_the_login_page():
    response = Client().get(LOCKOUTS)
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_the_unlock_post_needs_a_csrf_token(regency_admin):
    client = Client(enforce_csrf_checks=True)
    client.force_login(regency_admin)
    assert client.post(LOCKOUTS, {"kind": "username", "value": "budi"}).status_code == 403


def test_the_unlock_form_refuses_nonsense(regency_admin):
    client = Client()
    client.force_login(regency_admin)
    assert client.post(LOCKOUTS, {"kind": "everything", "value": "x"}).status_code == 400
    assert client.post(LOCKOUTS, {"kind": "username", "value": " "}).status_code == 400
    assert client.post(LOCKOUTS, {"kind": "ip_address", "value": "bukan-alamat"}).status_code == 400


def test_the_regency_admin_group_has_the_unlock_permission(regency_admin, operator):
    regency_admin = get_user_model().objects.get(pk=regency_admin.pk)  # fresh permission cache
    assert regency_admin.has_perm("axes.delete_accessattempt")
    assert not get_user_model().objects.get(pk=operator.pk).has_perm("axes.delete_accessattempt")


# --------------------------------------------------------------------------- client address


def _request(**meta):
    return RequestFactory().post(LOGIN, **meta)


def test_the_address_is_remote_addr_without_a_proxy(settings):
    settings.BEHIND_PROXY = False
    request = _request(REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert client_ip_address(request) == "203.0.113.5"


def test_behind_nginx_the_right_most_forwarded_address_counts(settings):
    settings.BEHIND_PROXY = True
    # The client forged "1.2.3.4"; nginx appended the address it really saw.
    request = _request(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.5")
    assert client_ip_address(request) == "203.0.113.5"
    assert client_ip_address(_request(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="bukan-alamat")) == (
        "127.0.0.1"
    )
    assert client_ip_address(_request(REMOTE_ADDR="127.0.0.1")) == "127.0.0.1"


def test_a_forged_forwarded_header_does_not_escape_the_address_lock(settings, operator):
    settings.BEHIND_PROXY = True
    for i in range(20):
        Client().post(
            LOGIN,
            {"username": f"orang{i % 5}", "password": "x"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"10.0.0.{i}, 203.0.113.66",
        )
    response = Client().post(
        LOGIN,
        {"username": operator.username, "password": PASSWORD},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.66",
    )
    assert response.status_code == 429


def test_behind_a_load_balancer_and_nginx_each_visitor_has_their_own_address(settings):
    settings.BEHIND_PROXY, settings.TRUSTED_PROXY_COUNT = True, 2
    # The load balancer appends the visitor, nginx appends the load balancer (10.0.0.2).
    first = _request(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7, 10.0.0.2")
    second = _request(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.8, 10.0.0.2")
    forged = _request(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.7, 10.0.0.2")
    assert client_ip_address(first) == "198.51.100.7"
    assert client_ip_address(second) == "198.51.100.8"
    assert client_ip_address(forged) == "198.51.100.7"


def test_behind_two_proxies_failures_of_one_visitor_do_not_lock_out_another(settings, operator):
    settings.BEHIND_PROXY, settings.TRUSTED_PROXY_COUNT = True, 2
    for i in range(20):
        Client().post(
            LOGIN,
            {"username": f"orang{i % 5}", "password": "x"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"10.9.9.{i}, 198.51.100.66, 10.0.0.2",  # forged left-most entries
        )
    blocked = Client().post(
        LOGIN, {"username": operator.username, "password": PASSWORD},
        REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.66, 10.0.0.2",
    )  # fmt: skip
    other = Client().post(
        LOGIN, {"username": operator.username, "password": PASSWORD},
        REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.99, 10.0.0.2",
    )  # fmt: skip
    assert blocked.status_code == 429
    assert other.status_code == 302
