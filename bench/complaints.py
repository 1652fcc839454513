"""Part 7: complaints. Run as a subprocess with the bench's environment (after part 6):

    python -m bench.complaints [citizens] [per_citizen] [cases_per_village]

1. Form acceptance under concurrency: `citizens` threads, each a different address, open the
   complaint form of a village (CSRF enforced, the guard's time stamp) and send `per_citizen` cases
   through Django's whole middleware stack (the test client, in this process, against the bench
   database). Accepted = a 302 to the tracking page. Afterwards the database is checked: every
   accepted case is stored exactly once (by its title) with a unique tracking code and number.
2. Regency figures over every provisioned village (237 for Kutai Kartanegara) with
   `cases_per_village` cases each (bulk-created in a spread of states): the wall-clock time of
   sinergi.complaints.figures.compute for a superuser, and its query count.

Prints one JSON object on its last line.
"""

import datetime as dt
import json
import random
import re
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor


def accept(citizens: int, per_citizen: int) -> dict:
    from django.conf import settings
    from django.test import Client
    from django_scopes import scopes_disabled

    from sinergi.complaints.models import Complaint, ComplaintCategory, ComplaintsPage

    settings.CASEWORK_MIN_FILL_SECONDS = 0  # the bench sends at machine speed; nothing is held for it
    host = next((h for h in settings.ALLOWED_HOSTS if h and not h.startswith(".") and h != "*"), "testserver")
    page = ComplaintsPage.objects.filter(live=True).select_related("village__district__regency").first()
    category = ComplaintCategory.for_regency(page.village.district.regency)[0]
    form_url = page.url + page.reverse_subpage("new")
    run = f"bench-{int(time.time())}"
    latencies, statuses, accepted_titles = [], {}, []
    lock = threading.Lock()

    def citizen(n: int):
        client = Client(enforce_csrf_checks=True, REMOTE_ADDR=f"10.{n // 250}.{n % 250}.7", HTTP_HOST=host)
        for k in range(per_citizen):
            body = client.get(form_url).content.decode()
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
            started = re.search(r'name="mulai" value="([^"]*)"', body).group(1)
            title = f"{run} warga {n} aduan {k}"
            data = {
                "csrfmiddlewaretoken": token, "mulai": started, "situs_web": "", "kind": "pengaduan",
                "category": str(category.pk), "title": title, "description": "Saluran tersumbat di RT 05.",
                "location_text": "RT 05", "may_publish": "on",
            }  # fmt: skip
            t0 = time.perf_counter()
            response = client.post(form_url, data)
            elapsed = time.perf_counter() - t0
            with lock:
                latencies.append(elapsed)
                statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
                if response.status_code == 302 and "/lacak/" in response["Location"]:
                    accepted_titles.append(title)

    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=citizens) as pool:
        list(pool.map(citizen, range(citizens)))
    wall = time.perf_counter() - t0
    with scopes_disabled():
        stored = list(
            Complaint.objects.filter(title__startswith=run).values_list("title", "tracking_code", "number")
        )
    titles = [t for t, _c, _n in stored]
    return {
        "sent": citizens * per_citizen,
        "accepted": len(accepted_titles),
        "statuses": statuses,
        "per_second": round(len(accepted_titles) / wall, 1) if wall else None,
        "p50_ms": round(statistics.median(latencies) * 1000) if latencies else None,
        "p99_ms": round(sorted(latencies)[int(len(latencies) * 0.99) - 1] * 1000) if latencies else None,
        "stored": len(stored),
        "stored_once": sorted(titles) == sorted(accepted_titles) and len(set(titles)) == len(titles),
        "unique_codes": len({c for _t, c, _n in stored}) == len(stored),
        "unique_numbers": len({n for _t, _c, n in stored}) == len(stored),
    }


def figures(cases_per_village: int) -> dict:
    from django.contrib.auth import get_user_model
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone
    from django_scopes import scopes_disabled

    from sinergi.casework.tracking import new_tracking_code
    from sinergi.complaints import figures as complaint_figures
    from sinergi.complaints.models import Complaint, ComplaintCategory
    from sinergi.regions.models import Village

    villages = list(Village.objects.select_related("district__regency").order_by("code"))
    regency = villages[0].district.regency
    categories = ComplaintCategory.for_regency(regency)
    rng = random.Random(7)
    now = timezone.now()
    states = ["diterima", "diverifikasi", "ditindaklanjuti", "selesai", "ditolak"]
    with scopes_disabled(), transaction.atomic():
        start = (Complaint.objects.order_by("-number").values_list("number", flat=True).first() or 0) + 1000
        rows = []
        for village in villages:
            for n in range(cases_per_village):
                received = now - dt.timedelta(days=rng.randint(1, 360), hours=rng.randint(0, 23))
                state = rng.choice(states)
                later = received + dt.timedelta(days=rng.randint(1, 20))
                rows.append(
                    Complaint(
                        village=village,
                        number=start + n,
                        year=received.year,
                        reference=f"B{start + n}",
                        tracking_code=new_tracking_code(),
                        received_at=received,
                        state=state,
                        category=rng.choice(categories),
                        title="Bench",
                        description="Bench",
                        verified_at=later if state != "diterima" else None,
                        first_reply_at=later if state in ("ditindaklanjuti", "selesai") else None,
                        resolved_at=later + dt.timedelta(days=3) if state == "selesai" else None,
                        expected_on=(later + dt.timedelta(days=5)).date() if state == "selesai" else None,
                        rejection="spam" if state == "ditolak" else "",
                        held=rng.random() < 0.05,
                    )
                )
        Complaint.objects.bulk_create(rows, batch_size=2000)
    superuser = get_user_model()(is_superuser=True, is_active=True, username="bench")
    timings = []
    for _run in range(3):
        with CaptureQueriesContext(connection) as queries:
            t0 = time.perf_counter()
            rows = complaint_figures.compute(superuser)
            timings.append(time.perf_counter() - t0)
    return {
        "villages": len(villages),
        "cases": len(villages) * cases_per_village,
        "rows": len(rows),
        "seconds": round(statistics.median(timings), 2),
        "queries": len(queries),
    }


def main(argv: list[str]) -> None:
    import django

    django.setup()
    citizens = int(argv[0]) if argv else 20
    per_citizen = int(argv[1]) if len(argv) > 1 else 5
    per_village = int(argv[2]) if len(argv) > 2 else 100
    result = {"accept": accept(citizens, per_citizen), "figures": figures(per_village)}
    print(json.dumps(result))


def notes(result: dict | None, failure: str = "") -> list[str]:
    """Lines for the bench report."""
    if result is None:
        return [f"Complaints: not measured ({failure})"]
    a, f = result["accept"], result["figures"]
    return [
        f"Complaints form: {a['accepted']} of {a['sent']} cases accepted while many citizens sent at once,"
        f" {a['per_second']}/s, p50 {a['p50_ms']} ms, p99 {a['p99_ms']} ms;"
        f" database: {a['stored']} stored, each once: {a['stored_once']}, codes unique: {a['unique_codes']},"
        f" numbers unique: {a['unique_numbers']} (statuses {a['statuses']}).",
        f"Complaint figures: {f['villages']} villages × {f['cases'] // max(1, f['villages'])} cases"
        f" ({f['cases']} cases, {f['rows']} rows) computed in {f['seconds']} s with {f['queries']} queries.",
    ]


if __name__ == "__main__":
    main(sys.argv[1:])
