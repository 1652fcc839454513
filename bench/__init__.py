"""Sinergi benchmark suite: `make bench` (bench/run.py). Prints figures; never fails on timing."""
