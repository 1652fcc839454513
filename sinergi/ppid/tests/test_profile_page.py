"""The PPID section of a village site is its PPID profile: who serves, the decree, the pledge and the
standard, how to request and object, and where disputes go."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from sinergi.core.tests import helpers as h
from sinergi.core.tests.factories import section
from sinergi.ppid.models import PpidPage, PpidRegencySettings
from sinergi.ppid.profile_forms import PpidPageForm
from sinergi.regions.provisioning import provision_regency
from sinergi.villages.models import GovernmentPage, Official

pytestmark = pytest.mark.django_db


def _officials(village):
    government = section(village, GovernmentPage)
    government.officials = [
        Official(name="Rahmat Hidayat", position="Kepala Desa", tier=Official.Tier.HEAD),
        Official(name="Siti Aminah", position="Sekretaris Desa", tier=Official.Tier.SECRETARIAT),
        Official(name="Budi Santoso", position="Kaur Keuangan", tier=Official.Tier.SECRETARIAT),
    ]
    government.save_revision().publish()
    return {o.name: o for o in Official.objects.filter(page_id=government.pk)}


def test_every_provisioned_village_has_a_ppid_profile_with_default_texts(client, sebuntal, santan_ulu):
    for village in (sebuntal, santan_ulu):
        page = section(village, PpidPage)
        assert "10 hari kerja" in page.service_standard
        assert "30 hari kerja" in page.how_to_object
        assert page.service_notice and page.how_to_request and page.office_hours
    body = client.get(section(sebuntal, PpidPage).url).content.decode()
    for text in ("Maklumat pelayanan", "Standar layanan", "Cara mengajukan keberatan", "UU 14/2008"):
        assert text in body


def test_provisioning_again_keeps_the_operators_edits(sebuntal):
    page = section(sebuntal, PpidPage)
    page.service_notice = "<p>Maklumat kami sendiri.</p>"
    page.save_revision().publish()
    provision_regency("64.02", district_codes=["64.02.17"])
    assert PpidPage.objects.child_of(sebuntal.page).count() == 1
    assert section(sebuntal, PpidPage).service_notice == "<p>Maklumat kami sendiri.</p>"


def test_without_a_choice_the_page_names_the_sekretaris_and_the_kepala_desa(client, sebuntal):
    _officials(sebuntal)
    body = client.get(section(sebuntal, PpidPage).url).content.decode()
    ppid_part = body.split("PPID desa</dt>")[1]
    assert ppid_part.index("Siti Aminah") < ppid_part.index("Atasan PPID")
    assert "Rahmat Hidayat" in body.split("Atasan PPID</dt>")[1].split("</dd>")[0]


def test_the_chosen_official_is_named_and_a_decree_links_to_its_document(client, sebuntal):
    officials = _officials(sebuntal)
    decree = get_document_model().objects.create(
        title="SK PPID", file=ContentFile(h.PDF_BYTES, name="sk.pdf"), collection=sebuntal.collection
    )
    page = section(sebuntal, PpidPage)
    page.ppid_official = officials["Budi Santoso"]
    page.decree, page.decree_number = decree, "141/07/SK/2026"
    page.save_revision().publish()
    body = client.get(page.url).content.decode()
    assert "Budi Santoso" in body.split("PPID desa</dt>")[1].split("</dd>")[0]
    assert f'href="{decree.url}">141/07/SK/2026</a>' in body


def test_the_admin_form_offers_only_this_villages_officials_and_documents(sebuntal, santan_ulu):
    ours, theirs = _officials(sebuntal), _officials(santan_ulu)
    get_document_model().objects.create(
        title="SK Santan", file=ContentFile(h.PDF_BYTES, name="sk.pdf"), collection=santan_ulu.collection
    )
    own = get_document_model().objects.create(
        title="SK Sebuntal", file=ContentFile(h.PDF_BYTES, name="sk.pdf"), collection=sebuntal.collection
    )
    page = section(sebuntal, PpidPage)
    form_class = PpidPage.get_edit_handler().get_form_class()
    assert issubclass(form_class, PpidPageForm)
    form = form_class(instance=page, parent_page=page.get_parent(), for_user=None)
    offered = set(form.fields["ppid_official"].queryset)
    assert offered == set(ours.values())
    assert not offered & set(theirs.values())
    assert list(form.fields["decree"].queryset) == [own]


def test_a_chosen_official_of_another_village_is_never_shown(client, sebuntal, santan_ulu):
    _officials(sebuntal)
    theirs = _officials(santan_ulu)
    page = section(sebuntal, PpidPage)
    page.ppid_official = theirs["Budi Santoso"]
    page.save_revision().publish()
    body = client.get(page.url).content.decode()
    assert "Budi Santoso" not in body
    assert "Siti Aminah" in body


def test_the_komisi_informasi_of_the_regency_is_shown(client, sebuntal, regency):
    PpidRegencySettings.objects.update_or_create(
        regency=regency,
        defaults={
            "commission_name": "Komisi Informasi Provinsi Kalimantan Timur",
            "commission_address": "Jl. Basuki Rahmat, Samarinda",
            "commission_url": "https://kip.kaltimprov.go.id/",
        },
    )
    body = client.get(section(sebuntal, PpidPage).url).content.decode()
    assert "Komisi Informasi Provinsi Kalimantan Timur" in body
    assert "Jl. Basuki Rahmat, Samarinda" in body
    assert 'href="https://kip.kaltimprov.go.id/"' in body


def test_the_profile_page_costs_the_same_queries_with_more_officials(
    client, sebuntal, django_assert_max_num_queries
):
    page = section(sebuntal, PpidPage)
    client.get(page.url)  # warm Wagtail's site cache
    _officials(sebuntal)
    from django.core.cache import cache

    cache.clear()
    with django_assert_max_num_queries(18) as few:
        client.get(page.url)
    government = section(sebuntal, GovernmentPage)
    government.officials = [
        *Official.objects.filter(page_id=government.pk),
        *[
            Official(name=f"Kadus {n}", position="Kepala Dusun", tier=Official.Tier.REGIONAL)
            for n in range(8)
        ],
    ]
    government.save_revision().publish()
    cache.clear()
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(page.url)
