"""Phone and WhatsApp numbers: only Indonesian numbers are stored, in one form, and links are made of digits."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from sinergi.kim.models import KimMember
from sinergi.villages.models import PotentialPage, VillageHomePage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "typed, stored",
    [
        ("0812 3456 7890", "0812-3456-7890"),
        ("+62 812-3456-7890", "0812-3456-7890"),
        ("6281234567890", "0812-3456-7890"),
        ("0541 661234", "(0541) 661234"),
        ("(021) 555-1234", "(021) 5551234"),
    ],
)
def test_an_indonesian_number_is_accepted_and_stored_in_one_form(typed, stored, sebuntal):
    home = VillageHomePage.objects.get(pk=sebuntal.page_id)
    home.phone = typed
    home.whatsapp = typed
    home.full_clean()
    home.save()
    home.refresh_from_db()
    assert (home.phone, home.whatsapp) == (stored, stored)


@pytest.mark.parametrize(
    "typed",
    ["javascript:alert(1)", "<script>alert(1)</script>", "12345", "0812", "+1 202 555 0100", "tel:08123"],
)
def test_anything_but_a_phone_number_is_refused_with_a_message_on_every_phone_field(typed, sebuntal):
    home = VillageHomePage.objects.get(pk=sebuntal.page_id)
    home.phone = home.whatsapp = typed
    with pytest.raises(ValidationError) as info:
        home.full_clean()
    assert set(info.value.message_dict) >= {"phone", "whatsapp"}
    assert "Nomor telepon tidak sah" in info.value.message_dict["phone"][0]
    for model, name in ((PotentialPage, "seller_phone"), (KimMember, "phone")):
        field = model._meta.get_field(name)
        with pytest.raises(ValidationError):
            field.clean(typed, None)


def test_contact_links_are_made_only_of_digits(sebuntal):
    VillageHomePage.objects.filter(pk=sebuntal.page_id).update(
        phone="0812 3456 7890", whatsapp="+62 813 1111 2222"
    )
    body = Client().get(sebuntal.page.url).content.decode()
    assert 'href="tel:+6281234567890"' in body
    assert 'href="https://wa.me/6281311112222"' in body


def test_a_bad_number_saved_before_validation_is_shown_as_text_not_linked(sebuntal):
    """Data from before the validator (or written around it) is not migrated: the page refuses to link it."""
    VillageHomePage.objects.filter(pk=sebuntal.page_id).update(
        phone="javascript:alert(1)", whatsapp='08"><script>alert(1)</script>'
    )
    body = Client().get(sebuntal.page.url).content.decode()
    assert "tel:javascript" not in body and 'href="javascript' not in body
    assert "wa.me" not in body
    assert "javascript:alert(1)" in body  # still shown, as text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
