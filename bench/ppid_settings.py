"""Bench settings for the PPID form: the public form's per-address hourly limit and minimum fill time
are lifted, since every bench citizen comes from 127.0.0.1 and sends at once."""

from bench.bench_settings import *  # noqa: F403

CASEWORK_SUBMISSIONS_PER_HOUR = {"ppid_request": 10**9}
CASEWORK_MIN_FILL_SECONDS = 0
