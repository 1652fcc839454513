# The README's commands. Each creates .venv and installs what it needs on first use.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PORT ?= 8000

# Test processes: pytest-xdist workers (one per core); TEST_WORKERS=0 runs in one process.
TEST_WORKERS ?= auto

.PHONY: demo test lint format bench clean lock prodcheck backup restore messages screenshots

# Exactly the versions in requirements.lock (written by `make lock` from pyproject.toml), then the
# project itself without resolving anything again: every install is the same.
$(STAMP): pyproject.toml requirements.lock
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 tidak ditemukan ($(PYTHON))."; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade 'pip<27'
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# Re-pin every dependency (with the dev tools) after changing pyproject.toml.
lock:
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet 'pip-tools>=7.4,<8'
	$(VENV)/bin/pip-compile --quiet --extra dev --strip-extras --no-emit-index-url --no-emit-find-links --allow-unsafe \
		--output-file requirements.lock pyproject.toml

demo: $(STAMP)
	$(PY) manage.py migrate --no-input -v 0
	$(PY) manage.py collectstatic --no-input -v 0
	$(PY) manage.py provision_regency 64.02 --quiet
	$(PY) manage.py load_demo
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: $(STAMP)
	$(PY) manage.py collectstatic --no-input -v 0
	@test -x /usr/bin/chromium || command -v chromium >/dev/null 2>&1 || echo "Chromium tidak ditemukan: jalankan apt-get install chromium; tes peramban dilewati"
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: $(STAMP)
	$(PY) bench/run.py

# The production stack on loopback (nginx, two gunicorn, db_worker, PostgreSQL, Redis, moto S3),
# checked through nginx: deploy/prodcheck.py, docs/deployment.md.
prodcheck: $(STAMP)
	$(PY) manage.py collectstatic --no-input -v 0
	$(PY) deploy/prodcheck.py

# Database dump and a copy of every uploaded file, with the app's environment (DATABASE_URL, S3_*):
#   make backup BACKUP_DIR=/var/backups/sinergi/2026-11-30
#   make restore BACKUP_DIR=/var/backups/sinergi/2026-11-30   (into an empty database and bucket)
BACKUP_DIR ?= var/backup/$(shell date +%Y%m%d-%H%M%S)
backup: $(STAMP)
	$(PY) deploy/backup.py backup $(BACKUP_DIR)

restore: $(STAMP)
	$(PY) deploy/backup.py restore $(BACKUP_DIR)

# The README's pictures (docs/screenshots/), taken from a throwaway demo with Debian's Chromium.
screenshots: $(STAMP)
	$(PY) manage.py collectstatic --no-input -v 0
	$(PY) e2e/screenshots.py

# The admin's Indonesian catalogue (sinergi/locale): compile after editing a .po (GNU gettext's msgfmt).
# The .mo files are committed, so installing and testing need no gettext; a test checks they match.
messages:
	cd sinergi/locale/id_ID/LC_MESSAGES && msgfmt --check-format -o django.mo django.po && msgfmt --check-format -o djangojs.mo djangojs.po

clean:
	rm -rf $(VENV) staticfiles
