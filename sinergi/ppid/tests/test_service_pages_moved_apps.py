"""PPID, complaints and transparency pages live in their own apps; pages made before the move keep
their content and are still served."""

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Page

from sinergi.complaints.models import ComplaintsPage
from sinergi.finance.models import TransparencyPage
from sinergi.ppid.models import PpidPage
from sinergi.regions.models import Village

pytestmark = pytest.mark.django_db

FORM_TEXT = "Formulir permohonan informasi publik tersedia di kantor desa."
OLD_STATE = [("villages", "0001_initial"), ("ppid", None), ("complaints", None), ("finance", None)]


def test_every_provisioned_village_has_its_service_pages_of_the_new_classes(client):
    villages = Village.objects.exclude(page=None)
    for model, slug in (
        (PpidPage, "ppid"),
        (ComplaintsPage, "pengaduan"),
        (TransparencyPage, "transparansi"),
    ):
        content_type = ContentType.objects.get_for_model(model)
        assert content_type.app_label == model._meta.app_label != "villages"
        pages = Page.objects.filter(content_type=content_type).specific()
        assert {type(page) for page in pages} == {model}
        assert {page.get_parent().pk for page in pages} == set(villages.values_list("page_id", flat=True))
        assert client.get(f"/marang-kayu/sebuntal/{slug}/").status_code == 200


@pytest.mark.skipif(not settings.DB_VENDOR_IS_POSTGRES, reason="schema changes inside the test transaction")
def test_a_ppid_page_made_before_the_move_is_served_after_migrating_forward(client, sebuntal):
    page = PpidPage.objects.child_of(sebuntal.page).get()
    executor = MigrationExecutor(connection)
    executor.migrate(OLD_STATE)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE villages_ppidpage SET body = %s WHERE page_ptr_id = %s", [f"<p>{FORM_TEXT}</p>", page.pk]
        )
        cursor.execute(
            "SELECT app_label FROM django_content_type ct JOIN wagtailcore_page p ON p.content_type_id = ct.id "
            "WHERE p.id = %s",
            [page.pk],
        )
        assert cursor.fetchone()[0] == "villages"

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    ContentType.objects.clear_cache()
    moved = Page.objects.get(pk=page.pk).specific
    assert type(moved) is PpidPage
    assert FORM_TEXT in moved.body
    assert FORM_TEXT in client.get(moved.url).content.decode()
