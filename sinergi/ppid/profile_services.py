"""What the PPID profile page shows: the people (chosen or guessed from the officials), the Komisi
Informasi of the regency, the DIP's freshness. A fixed number of queries."""

from django.utils.translation import gettext as _

from sinergi.ppid.models import PpidRegencySettings


def _guess(officials, tier, words):
    """The first official whose position names one of `words`, else the first of `tier`."""
    for official in officials:
        if any(word in official.position.lower() for word in words):
            return official
    return next((o for o in officials if o.tier == tier), None)


def responsible_people(page) -> dict:
    """{"ppid": Official|None, "superior": Official|None, "ppid_guessed": bool, "superior_guessed": bool}."""
    from sinergi.villages.models import Official

    chosen_ids = [pk for pk in (page.ppid_official_id, page.superior_official_id) if pk]
    officials = []
    if page.village_id:
        officials = list(Official.objects.filter(page__village_id=page.village_id).order_by("sort_order"))
    by_pk = {o.pk: o for o in officials}
    if any(pk not in by_pk for pk in chosen_ids):
        # A chosen official that is not (or no longer) among the village's own is ignored.
        chosen_ids = [pk for pk in chosen_ids if pk in by_pk]
    ppid = by_pk.get(page.ppid_official_id)
    superior = by_pk.get(page.superior_official_id)
    people = {"ppid_guessed": ppid is None, "superior_guessed": superior is None}
    people["ppid"] = ppid or _guess(officials, Official.Tier.SECRETARIAT, ("sekretaris",))
    people["superior"] = superior or _guess(officials, Official.Tier.HEAD, ("kepala desa", "lurah"))
    return people


def profile_context(page) -> dict:
    from sinergi.regions.models import Regency

    commission = None
    if page.village_id:
        # One query when the regency has its settings row; it is made on first use otherwise.
        commission = PpidRegencySettings.objects.filter(
            regency__districts__villages__pk=page.village_id
        ).first()
        if commission is None:
            regency = Regency.objects.filter(districts__villages__pk=page.village_id).first()
            commission = PpidRegencySettings.for_regency(regency) if regency is not None else None
    return {
        "people": responsible_people(page),
        "commission": commission,
        "commission_missing_label": _("Alamat Komisi Informasi belum diisi oleh kabupaten."),
    }
