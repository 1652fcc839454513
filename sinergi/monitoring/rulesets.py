"""Changing a regency's rule set: a new version (copy of the rules with the changes), never an edit."""

from decimal import Decimal

from django.db import transaction

from sinergi.monitoring.models import Rule, RuleSet
from sinergi.monitoring.seed import ensure_ruleset


def new_version(regency, changes: dict, *, user=None, note="") -> RuleSet | None:
    """Save `changes` ({check_id: {"weight": Decimal, "params": dict}}) as the next version.

    Returns the new rule set, or None when nothing differs from the active one.
    """
    with transaction.atomic():
        active = ensure_ruleset(regency)
        RuleSet.objects.select_for_update().filter(pk=active.pk).first()
        rules = list(active.rules.all())
        differs = any(
            (rule.check_id in changes)
            and (
                Decimal(changes[rule.check_id].get("weight", rule.weight)) != rule.weight
                or changes[rule.check_id].get("params", rule.params) != rule.params
            )
            for rule in rules
        )
        if not differs:
            return None
        ruleset = RuleSet.objects.create(
            regency=regency, version=active.version + 1, created_by=user, note=note
        )
        Rule.objects.bulk_create(
            Rule(
                ruleset=ruleset,
                check_id=rule.check_id,
                block=rule.block,
                weight=Decimal(changes.get(rule.check_id, {}).get("weight", rule.weight)),
                params=changes.get(rule.check_id, {}).get("params", rule.params),
                title=rule.title,
                measures=rule.measures,
                source=rule.source,
                fix=rule.fix,
                position=rule.position,
            )
            for rule in rules
        )
        return ruleset
