"""Seed the DIP catalogue of every existing regency and give every existing village its entries.

New regencies and villages get theirs from sinergi/ppid/dip_signals.py; the PPID profile fields got
their default texts from the field defaults when the columns were added (0003).
"""

from django.db import migrations


def seed(apps, schema_editor):
    from sinergi.ppid.dip_catalogue import ensure_entries, seed_catalogue

    regency_model = apps.get_model("regions", "Regency")
    item_model = apps.get_model("ppid", "DipItem")
    entry_model = apps.get_model("ppid", "DipEntry")
    village_model = apps.get_model("regions", "Village")
    for regency in regency_model.objects.all():
        seed_catalogue(regency, item_model=item_model, ensure=False)
        ensure_entries(
            regency=regency, entry_model=entry_model, item_model=item_model, village_model=village_model
        )


class Migration(migrations.Migration):
    dependencies = [("ppid", "0003_profile_and_dip_models")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
