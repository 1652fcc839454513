"""APBDes demo: 2025 (with its year-end realisation) and 2026 budgets for the 11 Marang Kayu villages.

Each budget goes the operator's way: the Excel template filled in, imported, confirmed and published, so
the demo also exercises the import. Figures come from sinergi.finance.samples (Dana Desa and ADD of the
usual size for East Kalimantan, a dozen and more kegiatan). Two villages have not published 2026 yet, so
the regency view has a late list; six have reported the 2026 semester I realisation. Idempotent: a
village that already has a 2025 budget is left as it is.
"""

from django.db import transaction
from django.utils.translation import gettext as _
from django_scopes import scope

from sinergi.demo import data
from sinergi.demo.content import refuse_in_production
from sinergi.demo.kim_content import demo_reviewer
from sinergi.finance import samples, services
from sinergi.finance.models import BudgetCode, BudgetImport, BudgetVersion
from sinergi.finance.template import build_workbook
from sinergi.regions.models import Village

WITHOUT_2026 = 2  # the last villages of the list have not published 2026
WITH_SEMESTER_2026 = 6


def _import(village, user, data_bytes, year, target, perdes=""):
    from django.core.files.base import ContentFile

    budget_import = BudgetImport(
        village=village, year=year, target=target, original_name=f"apbdes-{year}.xlsx", uploaded_by=user,
        perdes_number=perdes,
    )  # fmt: skip
    budget_import.file.save("impor.xlsx", ContentFile(data_bytes), save=False)
    budget_import.save()
    return services.confirm_import(budget_import.pk, user)


def load_apbdes_demo(stdout) -> int:
    refuse_in_production()
    template = build_workbook(codes=BudgetCode.objects.filter(is_active=True))
    villages = Village.objects.filter(district__code=data.DISTRICT_CODE).select_related("district__regency")
    specs = list(data.VILLAGES)
    loaded = 0
    for index, spec in enumerate(specs):
        village = villages.get(code=spec.code)
        with transaction.atomic(), scope(village=village.pk):
            if BudgetVersion.objects.filter(village=village, year=2025).exists():
                continue
            user = demo_reviewer(village)
            budget = samples.sample_budget(index + 1, 2025)
            saved = _import(
                village, user, samples.fill_template(template, budget), 2025, "apbdes", f"{index + 1}/2024"
            )
            services.publish_version(saved.version_id, user)
            report = samples.fill_realisation(template, budget, seed=index)
            services.publish_realisation(
                _import(village, user, report, 2025, "akhir_tahun").realisation_id, user
            )
            if index < len(specs) - WITHOUT_2026:
                budget = samples.sample_budget(index + 1, 2026)
                saved = _import(
                    village,
                    user,
                    samples.fill_template(template, budget),
                    2026,
                    "apbdes",
                    f"{index + 1}/2025",
                )
                services.publish_version(saved.version_id, user)
                if index < WITH_SEMESTER_2026:
                    report = samples.fill_realisation(template, budget, seed=index, share=0.4)
                    semester = _import(village, user, report, 2026, "semester1")
                    services.publish_realisation(semester.realisation_id, user)
            loaded += 1
    if loaded:
        stdout.write(_("APBDes demo dimuat: %(n)s desa (2025 dengan realisasi, 2026).") % {"n": loaded})
    else:
        stdout.write(_("APBDes demo sudah ada, tidak ada yang diubah."))
    return loaded
