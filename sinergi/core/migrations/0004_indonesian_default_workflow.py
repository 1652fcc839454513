"""Wagtail creates its default workflow and task named "Moderators approval" (wagtailcore 0048); the
operator then reads "Pengajuan ke Moderators approval". Name them in Indonesian (data, not a string
a catalogue could translate)."""

from django.db import migrations

OLD = "Moderators approval"
NEW = "Persetujuan moderator"


def rename(apps, schema_editor, old=OLD, new=NEW):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=old).update(name=new)
    apps.get_model("wagtailcore", "Task").objects.filter(name=old).update(name=new)


def rename_back(apps, schema_editor):
    rename(apps, schema_editor, old=NEW, new=OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_move_rate_counters_to_core"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(rename, rename_back)]
