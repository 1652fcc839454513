"""TransparencyPage moves from the villages app to this one, keeping every existing page.

The model takes over the villages table in Django's state only, its content type is relabelled so
existing pages keep it (Wagtail finds their specific class through it), then the table is renamed.
"""

import django.db.models.deletion
import wagtail.fields
from django.db import migrations, models

MODEL = "transparencypage"


def relabel_content_type(old_app, new_app):
    def relabel(apps, schema_editor):
        content_type = apps.get_model("contenttypes", "ContentType")
        old = content_type.objects.filter(app_label=old_app, model=MODEL).first()
        if old is None:  # a fresh database: Django creates the new content type after migrating
            return
        new = content_type.objects.filter(app_label=new_app, model=MODEL).first()
        if new is None:
            old.app_label = new_app
            old.save(update_fields=["app_label"])
            return
        # Both exist (the new one was created by an earlier partial run): point everything at it.
        for model_name, field in [("Page", "content_type"), ("Revision", "content_type")]:
            apps.get_model("wagtailcore", model_name).objects.filter(**{field: old}).update(**{field: new})
        old.delete()

    return relabel


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("regions", "0002_initial"),
        ("villages", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='TransparencyPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                        ('intro', models.TextField(blank=True, max_length=600, verbose_name='pengantar')),
                        ('body', wagtail.fields.RichTextField(blank=True, verbose_name='isi')),
                        ('village', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='regions.village')),
                    ],
                    options={
                        'verbose_name': 'transparansi anggaran',
                        'verbose_name_plural': 'transparansi anggaran',
                        'db_table': 'villages_transparencypage',
                    },
                    bases=('wagtailcore.page', models.Model),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(
            relabel_content_type("villages", "finance"), relabel_content_type("finance", "villages")
        ),
        migrations.AlterModelTable(name="transparencypage", table=None),
    ]
