"""Part 8: the completeness index. Run as a subprocess with the bench's environment (after part 7):

1. compute every village of the bench regency (the demo regency, provisioned by part 1), and
2. compute a generated regency of 2,500 villages (code 99.99: 25 kecamatan x 100 desa, rows only, no
   pages: what the checks read is empty, so this measures the computation's overhead per village,
   not a regency full of content),

each with its wall-clock time and query counts: the reads (the checks) and the whole computation
(reads, two DELETEs and two INSERT ... SELECT) must each be the same number for both.

    DJANGO_SETTINGS_MODULE=sinergi.settings .venv/bin/python -m bench.index [villages]
"""

import json
import sys
import time


def measure(regency) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from sinergi.monitoring import compute
    from sinergi.regions.models import Village

    villages = list(Village.objects.filter(district__regency=regency).order_by("pk"))
    day = timezone.localdate()
    compute.evaluate(regency, day, villages[:1])  # the rule set exists from here on
    with CaptureQueriesContext(connection) as reads:
        compute.evaluate(regency, day, villages, subset=False)
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as everything:
        n = compute.compute_scores(regency, day)
    return {
        "villages": n,
        "seconds": round(time.perf_counter() - started, 2),
        "read_queries": len(reads),
        "queries": len(everything),
    }


def generated_regency(n: int):
    from django.db import transaction

    from sinergi.regions.models import District, Regency, Village

    with transaction.atomic():
        regency, _ = Regency.objects.get_or_create(
            code="99.99", defaults={"name": "Kabupaten Bangkitan", "province_name": "Bangkitan"}
        )
        have = Village.objects.filter(district__regency=regency).count()
        if have < n:
            districts = District.objects.bulk_create(
                [
                    District(regency=regency, code=f"99.99.{d:02d}", name=f"Kecamatan {d}")
                    for d in range(1, 26)
                ],
                ignore_conflicts=True,
            )
            districts = list(District.objects.filter(regency=regency).order_by("code"))
            per = -(-n // len(districts))
            Village.objects.bulk_create(
                [
                    Village(
                        district=d, code=f"{d.code}.{2001 + i}", name=f"Desa {d.code[-2:]}-{i}", kind="desa"
                    )
                    for d in districts
                    for i in range(per)
                ][:n],
                ignore_conflicts=True,
            )
    return regency


def main(argv: list[str]) -> None:
    import django

    django.setup()
    from sinergi.regions.models import Regency

    size = int(argv[0]) if argv else 2500
    demo = Regency.objects.exclude(code="99.99").order_by("code").first()
    result = {"demo": measure(demo) if demo else None, "generated": measure(generated_regency(size))}
    for line in notes(result):
        print(line, file=sys.stderr)
    print(json.dumps(result))


def notes(result: dict | None, failure: str = "") -> list[str]:
    """Lines for the bench report."""
    if result is None:
        return [f"Index: not measured ({failure})"]
    lines = []
    for label, key in (("demo regency", "demo"), ("generated regency", "generated")):
        r = result.get(key)
        if r:
            lines.append(
                f"Index ({label}): {r['villages']} villages computed and stored in {r['seconds']} s;"
                f" {r['read_queries']} queries to read the checks, {r['queries']} queries in all"
                f" (reads, then two DELETEs and two INSERT ... SELECT)."
            )
    demo, generated = result.get("demo"), result.get("generated")
    if demo and generated:
        same = demo["queries"] == generated["queries"]
        lines.append(
            f"Index: {demo['queries']} queries for {demo['villages']} villages, {generated['queries']} for"
            f" {generated['villages']}: " + ("the same count." if same else "**NOT the same count**.")
        )
    return lines


if __name__ == "__main__":
    main(sys.argv[1:])
