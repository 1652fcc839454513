#!/bin/sh
# manage.py with the production environment (/etc/sinergi/sinergi.env), as the service user:
#   /srv/sinergi/deploy/manage.sh migrate
#   /srv/sinergi/deploy/manage.sh check --deploy
set -eu
ENV_FILE="${SINERGI_ENV_FILE:-/etc/sinergi/sinergi.env}"
if [ "$(id -un)" != "sinergi" ]; then
    exec runuser -u sinergi -- "$0" "$@"
fi
cd "$(dirname "$0")/.."
set -a
. "$ENV_FILE"
set +a
exec .venv/bin/python manage.py "$@"
