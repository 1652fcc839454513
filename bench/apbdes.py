"""Part 7: APBDes, in-process against the bench database (`python -m bench.apbdes`).

- Import: a workbook of 500 kegiatan lines in Sinergi's template, read (with every check) and saved as a
  draft the way the operator's confirmation does; wall-clock time and peak Python memory (tracemalloc)
  of each step, and the process's peak RSS.
- Regency view: every provisioned village gets a published budget with its year-end realisation
  (imported the same way, not timed), then the regency view's rows, kecamatan totals and Excel file are
  computed over all of them; time and queries.

Prints one JSON object on stdout.
"""

import datetime as dt
import json
import resource
import time
import tracemalloc

LINES = 500
YEAR = 2030  # a year the demo (loaded by the bench) has no budget for


def _timed(step):
    tracemalloc.start()
    started = time.perf_counter()
    result = step()
    seconds = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return result, seconds, peak / 1024 / 1024


def main() -> None:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.files.base import ContentFile
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django_scopes import scope, scopes_disabled

    from sinergi.finance import regency, samples, services, workbook
    from sinergi.finance.models import BudgetCode, BudgetImport
    from sinergi.finance.template import build_workbook
    from sinergi.regions.models import Village

    user, _ = get_user_model().objects.get_or_create(username="bench.apbdes", defaults={"is_superuser": True})
    template = build_workbook(codes=BudgetCode.objects.filter(is_active=True))
    villages = list(Village.objects.select_related("district").order_by("code"))

    def upload(village, data, target="apbdes"):
        budget_import = BudgetImport(
            village=village, year=YEAR, target=target, original_name="bench.xlsx", uploaded_by=user
        )
        budget_import.file.save("bench.xlsx", ContentFile(data), save=False)
        budget_import.save()
        return budget_import

    big = samples.sample_budget(1, YEAR, lines=LINES)
    data = samples.fill_template(template, big)
    first = villages[0]
    with scope(village=first.pk):
        pending = upload(first, data)
        parsed, read_s, read_mib = _timed(lambda: workbook.read_workbook(data))
        saved, save_s, save_mib = _timed(lambda: services.confirm_import(pending.pk, user))
        services.publish_version(saved.version_id, user)
    result = {
        "import": {
            "lines": sum(len(a.lines) for a in parsed.activities),
            "kegiatan": len(parsed.activities),
            "bytes": len(data),
            "problems": len(parsed.problems),
            "read_seconds": round(read_s, 2),
            "read_peak_mib": round(read_mib, 1),
            "confirm_seconds": round(save_s, 2),
            "confirm_peak_mib": round(save_mib, 1),
        }
    }

    started = time.perf_counter()
    for index, village in enumerate(villages[1:], start=2):
        budget = samples.sample_budget(index, YEAR)
        with scope(village=village.pk):
            saved = services.confirm_import(upload(village, samples.fill_template(template, budget)).pk, user)
            services.publish_version(saved.version_id, user)
            report = samples.fill_realisation(template, budget, seed=index)
            saved = services.confirm_import(upload(village, report, "akhir_tahun").pk, user)
            services.publish_realisation(saved.realisation_id, user)
    setup_s = time.perf_counter() - started

    everyone = Village.objects.all()
    with scopes_disabled(), CaptureQueriesContext(connection) as queries:
        (rows, districts, xlsx), view_s, view_mib = _timed(
            lambda: (
                (r := regency.village_rows(everyone, YEAR, dt.date(YEAR + 1, 2, 1))),
                (d := regency.district_totals(r)),
                regency.as_xlsx(r, d, YEAR),
            )
        )
    result["regency"] = {
        "villages": len(rows),
        "published": sum(1 for r in rows if r["version"]),
        "districts": len(districts),
        "seconds": round(view_s, 3),
        "peak_mib": round(view_mib, 1),
        "queries": len(queries.captured_queries),
        "xlsx_bytes": len(xlsx),
        "setup_seconds": round(setup_s, 1),
    }
    result["peak_rss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
