"""Give every existing regency the default rule set (version 1) and its index settings.

New regencies get theirs from sinergi/monitoring/signals.py.
"""

from django.db import migrations


def seed(apps, schema_editor):
    from sinergi.monitoring.seed import ensure_ruleset

    ruleset_model = apps.get_model("monitoring", "RuleSet")
    rule_model = apps.get_model("monitoring", "Rule")
    settings_model = apps.get_model("monitoring", "IndexSettings")
    for regency in apps.get_model("regions", "Regency").objects.all():
        ensure_ruleset(regency, ruleset_model=ruleset_model, rule_model=rule_model)
        settings_model.objects.get_or_create(regency=regency)


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
