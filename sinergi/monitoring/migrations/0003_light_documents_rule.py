"""Replace the rule `E.templat_ringan` (complete for every village, measured nothing) by
`E.dokumen_ringan` (the share of the village's documents within a size budget), as a new version of
every regency's active rule set: the version that produced earlier scores is never edited.

The new rule keeps the old one's block, weight and position, so the weights still total 100 (E 10).
Its texts are frozen here, as they were when this migration was written (sinergi/monitoring/seed.py
holds the same rule for regencies created later).
"""

from django.db import migrations

OLD = "E.templat_ringan"
NEW = {
    "check_id": "E.dokumen_ringan",
    "params": {"max_mb": 5},
    "title": "Dokumen ringan dan ramah ponsel",
    "measures": "Bagian dokumen unggahan desa (PDF, Word, Excel) yang ukurannya tidak melebihi batas (MB), "
    "sehingga dapat dibuka di ponsel dan jaringan lemah.",
    "source": "Praktik Diskominfo (akses dari ponsel dan jaringan lemah)",
    "fix": "Perkecil dokumen yang terlalu besar (ekspor ulang sebagai PDF, jangan pindaian beresolusi tinggi), "
    "lalu ganti berkasnya di menu Dokumen.",
}
NOTE = (
    "Aturan Sinergi: E.templat_ringan (tidak mengukur apa pun) diganti E.dokumen_ringan "
    "(ukuran dokumen desa)."
)


def replace_rule(apps, schema_editor):
    ruleset_model = apps.get_model("monitoring", "RuleSet")
    rule_model = apps.get_model("monitoring", "Rule")
    for regency_id in ruleset_model.objects.values_list("regency_id", flat=True).distinct():
        active = ruleset_model.objects.filter(regency_id=regency_id).order_by("-version").first()
        rules = list(rule_model.objects.filter(ruleset=active))
        check_ids = {rule.check_id for rule in rules}
        if OLD not in check_ids or NEW["check_id"] in check_ids:
            continue
        new = ruleset_model.objects.create(regency_id=regency_id, version=active.version + 1, note=NOTE)
        rule_model.objects.bulk_create(
            rule_model(
                ruleset=new,
                block=rule.block,
                weight=rule.weight,
                position=rule.position,
                **(
                    NEW
                    if rule.check_id == OLD
                    else {
                        "check_id": rule.check_id,
                        "params": rule.params,
                        "title": rule.title,
                        "measures": rule.measures,
                        "source": rule.source,
                        "fix": rule.fix,
                    }
                ),
            )
            for rule in rules
        )


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0002_seed_rulesets")]

    operations = [migrations.RunPython(replace_rule, migrations.RunPython.noop)]
