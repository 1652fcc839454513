"""The regency's list of gambling terms starts as the built-in list of sinergi.core.spam."""

from django.db import migrations


def seed(apps, schema_editor):
    from sinergi.core.spam import GAMBLING_TERMS, WHOLE_WORD_TERMS

    SpamTerm = apps.get_model("casework", "SpamTerm")
    for term in GAMBLING_TERMS:
        SpamTerm.objects.get_or_create(term=term, defaults={"whole_word": term in WHOLE_WORD_TERMS})


class Migration(migrations.Migration):
    dependencies = [("casework", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
