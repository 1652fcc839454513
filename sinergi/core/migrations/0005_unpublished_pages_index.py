"""An index of the unpublished pages only (PostgreSQL), for `sinergi.core.pages.listable`.

Every public listing excludes the pages under an unpublished ancestor, looked up among the pages with
`live = false`. Wagtail's page table has no index that finds those: PostgreSQL read the whole table
(124,000 rows with one province, 350,000 with Java) for each listing. A partial index holds only the
unpublished pages (drafts, a few per village), so the lookup stays as cheap at 25,000 villages as at
237. SQLite (demo, tests) is left as it is.
"""

from django.db import migrations

INDEX = "sinergi_page_unpublished_path"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (path) WHERE NOT live"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_indonesian_default_workflow"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(create, drop)]
