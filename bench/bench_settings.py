"""The project's own settings, with the collected static files in the bench's temporary directory.

Only STATIC_ROOT differs, so the benchmark never touches the working tree's staticfiles/ and can add
its static "ceiling" file (see bench/serve.py) next to the real ones.
"""

import os
from pathlib import Path

from sinergi.settings import *  # noqa: F403

STATIC_ROOT = Path(os.environ["BENCH_STATIC_ROOT"])
