"""PPID bench helper inside the bench database, run as a subprocess with the bench's environment.

    python -m bench.ppid_setup check              # requests stored, duplicate registration numbers
    python -m bench.ppid_setup figures N          # N requests per village, then time the regency figures

Each command prints one JSON object on its last line of stdout.
"""

import datetime
import json
import random
import sys
import time

# The name every citizen of the bench sends (bench/ppid.py), to tell its requests from the demo's.
BENCH_REQUESTER = "Warga Bench"


def check() -> dict:
    """The bench's own requests (the demo's are left out): how many are stored, and how many numbers of
    one village and year, or readable numbers of one village, were given twice. Two villages may share a
    readable number when their initials coincide: numbers are per village (docs/domain.md)."""
    from django.db.models import Count
    from django_scopes import scopes_disabled

    from sinergi.ppid.request_models import InformationRequest

    with scopes_disabled():
        every = InformationRequest.objects.all()
        duplicates = (
            every.values("village_id", "year", "number").annotate(n=Count("pk")).filter(n__gt=1).count()
        )
        duplicate_refs = (
            every.values("village_id", "reference").annotate(n=Count("pk")).filter(n__gt=1).count()
        )
        rows = every.filter(requester_name=BENCH_REQUESTER)
        return {"stored": rows.count(), "duplicates": duplicates + duplicate_refs}


def figures(per_village: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone
    from django_scopes import scopes_disabled

    from sinergi.casework.tracking import new_tracking_code
    from sinergi.ppid.request_models import InformationRequest
    from sinergi.ppid.request_reports import regency_figures
    from sinergi.regions.models import Regency, Village

    R = InformationRequest.State
    states = [R.REGISTERED, R.EXTENDED, R.GRANTED, R.PARTLY_GRANTED, R.REFUSED, R.NOT_HELD]
    rng = random.Random(7)
    now = timezone.now()
    year = timezone.localdate().year
    regency = Regency.objects.filter(districts__villages__page__isnull=False).distinct().first()
    villages = list(Village.objects.filter(district__regency=regency))
    with scopes_disabled():
        InformationRequest.objects.filter(village__in=villages).delete()
        batch = []
        for village in villages:
            for n in range(1, per_village + 1):
                received = now - datetime.timedelta(days=rng.randint(1, 200))
                state = rng.choice(states)
                answered = state not in (R.REGISTERED, R.EXTENDED)
                batch.append(
                    InformationRequest(
                        village=village, number=n, year=year, reference=f"{n:03d}/PPID-BENCH/{year}",
                        tracking_code=new_tracking_code(), received_at=received, consent_at=received,
                        requester_name="Bench", address="-", information="Bench", purpose="Bench",
                        form="membaca", delivery="langsung", state=state,
                        due_date=(received + datetime.timedelta(days=14)).date(),
                        answered_at=received + datetime.timedelta(days=rng.randint(1, 20)) if answered else None,
                        exemption_grounds=["17h"] if state == R.REFUSED else [],
                    )
                )  # fmt: skip
        InformationRequest.objects.bulk_create(batch, batch_size=2000)
    timings = []
    for _n in range(3):
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            rows = regency_figures(regency, year)
        timings.append(time.perf_counter() - started)
    return {
        "villages": len(villages),
        "requests": len(batch),
        "seconds": min(timings),
        "queries": len(queries.captured_queries),
        "total": sum(r.total for r in rows),
    }


def main() -> None:
    import django

    django.setup()
    command = sys.argv[1]
    if command == "check":
        result = check()
    elif command == "figures":
        result = figures(int(sys.argv[2]))
    else:
        raise SystemExit(f"unknown command {command}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
