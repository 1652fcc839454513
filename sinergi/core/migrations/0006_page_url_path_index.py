"""An index on Wagtail's `wagtailcore_page.url_path`.

Public pages are routed by their URL path in one query (`SinergiPage.route`); without an index that
query reads the whole page table, which at a province's scale is hundreds of thousands of rows.
Wagtail's model has no such index, so it is created here with plain SQL that SQLite and PostgreSQL
both accept.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0005_unpublished_pages_index"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS sinergi_page_url_path ON wagtailcore_page (url_path)",
            "DROP INDEX IF EXISTS sinergi_page_url_path",
        ),
    ]
