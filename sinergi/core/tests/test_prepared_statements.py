"""PostgreSQL plans a public page's queries once per connection, not on every request
(settings.DB_PREPARED_STATEMENTS; docs/architecture.md, "Prepared statements")."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from sinergi.core.pages import Listable

BASE_DIR = Path(__file__).resolve().parents[3]


def _database_options(**env) -> dict:
    """The default database's OPTIONS the settings give with `env` (no connection is made)."""
    scrubbed = {k: v for k, v in os.environ.items() if not k.startswith(("DB_", "DATABASE_URL"))}
    code = "import json, sinergi.settings as s; print(json.dumps(s.DATABASES['default'].get('OPTIONS', {})))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env={**scrubbed, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_postgresql_connections_prepare_their_statements_unless_switched_off_for_a_pooler():
    url = "postgres://sinergi@db.internal:5432/sinergi"
    options = _database_options(DATABASE_URL=url)
    assert options["server_side_binding"] is True and options["prepare_threshold"] == 2
    assert _database_options(DATABASE_URL=url, DB_PREPARE_THRESHOLD="5")["prepare_threshold"] == 5
    # PgBouncer in transaction mode (before 1.21) cannot keep a statement between transactions.
    off = _database_options(DATABASE_URL=url, DB_PREPARED_STATEMENTS="0")
    assert "server_side_binding" not in off and "prepare_threshold" not in off
    assert "server_side_binding" not in _database_options(SQLITE_PATH="/tmp/x.sqlite3")


def test_the_public_rule_carries_its_numbers_in_its_sql_not_as_values_to_bind():
    # Forty-odd substring lengths and depths: written in, the planner sees them in a generic plan.
    sql, params = Listable.template(connection)
    assert params == () and "%s" not in sql
    assert '{outer}"path", 1, 8)' in sql  # SUBSTRING (PostgreSQL) or SUBSTR (SQLite)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's")
def test_a_public_page_is_planned_once_per_connection_not_on_every_request(client, sebuntal, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0  # every request renders the page
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")
    first = client.get(sebuntal.page.url)
    for _ in range(7):  # psycopg prepares at the second run, PostgreSQL tries five custom plans first
        again = client.get(sebuntal.page.url)
    assert first.status_code == again.status_code == 200
    assert again.content == first.content
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement LIKE %s",
            ["%sinergi_listable_%"],
        )
        plans = cursor.fetchall()
    # The page's listings with the public rule are prepared, and at least one runs on its one plan.
    assert len(plans) >= 3, plans
    assert any(generic > 0 for generic, _custom in plans), plans
