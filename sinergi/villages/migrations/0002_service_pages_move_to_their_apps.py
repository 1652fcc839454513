"""PpidPage, ComplaintsPage and TransparencyPage now live in the ppid, complaints and finance apps,
which took over their tables: they leave this app's state only, nothing is dropped."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("villages", "0001_initial"),
        ("ppid", "0001_initial"),
        ("complaints", "0001_initial"),
        ("finance", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="PpidPage"),
                migrations.DeleteModel(name="ComplaintsPage"),
                migrations.DeleteModel(name="TransparencyPage"),
            ],
            database_operations=[],
        ),
    ]
