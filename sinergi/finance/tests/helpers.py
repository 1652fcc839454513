"""Shared steps of the APBDes tests: a published budget for a village, the way an operator makes one."""

from django.core.files.base import ContentFile
from django_scopes import scope

from sinergi.finance import samples, services
from sinergi.finance.models import BudgetCode, BudgetImport, TransparencyPage
from sinergi.finance.template import build_workbook


def template_bytes() -> bytes:
    return build_workbook(codes=BudgetCode.objects.filter(is_active=True))


def import_workbook(village, user, data: bytes, year=2025, target="apbdes", reason="") -> BudgetImport:
    with scope(village=village.pk):
        budget_import = BudgetImport(
            village=village,
            year=year,
            target=target,
            original_name="apbdes.xlsx",
            uploaded_by=user,
            correction_reason=reason,
        )
        budget_import.file.save("impor.xlsx", ContentFile(data), save=False)
        budget_import.save()
        return budget_import


def published_budget(village, user, seed=1, year=2025, lines=None, realisation=False):
    """Import, confirm and publish a sample budget (and its year-end realisation); returns (version, sample)."""
    budget = samples.sample_budget(seed, year, lines=lines)
    data = samples.fill_template(template_bytes(), budget)
    with scope(village=village.pk):
        saved = services.confirm_import(import_workbook(village, user, data, year).pk, user)
        version = services.publish_version(saved.version_id, user)
        if realisation:
            report = samples.fill_realisation(template_bytes(), budget)
            saved = services.confirm_import(
                import_workbook(village, user, report, year, "akhir_tahun").pk, user
            )
            services.publish_realisation(saved.realisation_id, user)
    return version, budget


def transparency_page(village) -> TransparencyPage:
    return TransparencyPage.objects.get(village=village)
