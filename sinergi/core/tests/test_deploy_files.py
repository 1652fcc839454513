"""The shipped deployment files (deploy/) stay true to the code a sysadmin installs with them.

- every environment variable the code reads is in deploy/sinergi.env.example, and nothing there is
  read by no one (a sysadmin setting a variable that does nothing is worse than a missing one);
- nginx refuses an upload only above what the app itself accepts on that path, so a legitimate KIM
  report or admin upload never dies with nginx's bare 413 page;
- every management command of ours either has a systemd timer or is named here as run by hand.

`make prodcheck` (deploy/prodcheck.py) runs these files for real; these tests are the cheap guard.
"""

import ast
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import get_commands

REPO = Path(__file__).resolve().parents[3]
SINERGI = REPO / "sinergi"
DEPLOY = REPO / "deploy"
ENV_READERS = {"envstr", "envint", "envbool", "envlist", "envurl"}
# Read by a library, not by our code: boto3 takes the object store's credentials from the environment.
READ_BY_LIBRARIES = {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"}

# Management commands that no timer runs, and why. A new command that must run on a schedule (a PPID
# or complaints reminder, say) gets a timer instead: deploy/systemd/sinergi-<job>.timer with
# Unit=sinergi-manage@<command>.service, as sinergi-kim-remind.timer does (docs/deployment.md).
RUN_BY_HAND = {
    "provision_regency": "once per regency, when it is set up or its regions change",
    "clean_image_metadata": "once, after upgrading from a version that kept image metadata",
    "load_demo": "the demo only; absent in production mode",
}
# Django's and the libraries' commands that the shipped timers run.
LIBRARY_COMMANDS_TIMED = {"clearsessions", "prune_db_task_results"}


def env_variables_read() -> dict[str, str]:
    """NAME -> the file that reads it, for every envstr/envint/... call with a literal name."""
    found = {}
    for path in SINERGI.rglob("*.py"):
        if "tests" in path.relative_to(SINERGI).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ENV_READERS
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.setdefault(node.args[0].value, str(path.relative_to(REPO)))
    # gunicorn's settings file reads its own few with os.environ.get("NAME", ...).
    gunicorn = DEPLOY / "gunicorn.conf.py"
    for name in re.findall(r'os\.environ\.get\("([A-Z_0-9]+)"', gunicorn.read_text()):
        found.setdefault(name, str(gunicorn.relative_to(REPO)))
    return found


def env_example_variables() -> set[str]:
    """Names set (NAME=…) or shown with their default (# NAME=…) in the example."""
    text = (DEPLOY / "sinergi.env.example").read_text()
    return set(re.findall(r"^(?:# )?([A-Z][A-Z0-9_]+)=", text, re.MULTILINE))


def test_every_variable_the_code_reads_is_in_the_environment_example():
    read = env_variables_read()
    assert "SECRET_KEY" in read and "S3_BUCKET" in read  # the scan itself works
    missing = {name: where for name, where in read.items() if name not in env_example_variables()}
    assert not missing, f"add these to deploy/sinergi.env.example (and docs/deployment.md): {missing}"


def test_every_variable_in_the_environment_example_is_read():
    unused = env_example_variables() - set(env_variables_read()) - READ_BY_LIBRARIES
    assert not unused, f"deploy/sinergi.env.example sets variables nothing reads: {sorted(unused)}"


def test_the_example_passes_production_mode_once_filled_in():
    """The values the example sets, as settings, leave production mode nothing to refuse."""
    from sinergi.core.production import production_problems

    text = (DEPLOY / "sinergi.env.example").read_text()
    values = {k: v.strip('"') for k, v in re.findall(r"^([A-Z][A-Z0-9_]+)=(.*)$", text, re.MULTILINE)}
    config = {
        "DEBUG": False,
        "SECRET_KEY": values["SECRET_KEY"],
        "DATABASES": {"default": {"ENGINE": "django.db.backends.postgresql"}},
        "REDIS_URL": values["REDIS_URL"],
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "DEFAULT_FROM_EMAIL": values["DEFAULT_FROM_EMAIL"],
        "SERVE_MEDIA": False,  # S3_BUCKET is set
        "BASE_URL": values["BASE_URL"],
    }
    assert values["SINERGI_PRODUCTION"] == "1" and values["DATABASE_URL"].startswith("postgres://")
    assert values["S3_BUCKET"] and values["TASKS_BACKEND"] == "django_tasks_db.DatabaseBackend"
    assert production_problems(config) == []


def nginx_body_limits() -> dict[str, int]:
    """client_max_body_size in bytes per location of the HTTPS server ("" = the server's own)."""
    text = (DEPLOY / "nginx" / "sinergi.conf").read_text()
    server = text[text.index("listen 443") :]
    limits, stack = {}, [""]
    for line in server.splitlines():
        line = line.split("#", 1)[0].strip()
        if match := re.match(r"location\s+(?:[=~^]+\s+)?(\S+)\s*\{", line):
            stack.append(match.group(1))
        elif line == "}":
            stack.pop()
        elif match := re.match(r"client_max_body_size\s+(\d+)([km]?);", line):
            number, unit = int(match.group(1)), match.group(2)
            limits[stack[-1]] = number * {"": 1, "k": 1024, "m": 1024 * 1024}[unit]
    return limits


def test_nginx_accepts_the_largest_honest_kim_report():
    from sinergi.kim.limits import max_request_bytes

    limits = nginx_body_limits()
    # The app answers 413 with an Indonesian page above its own limit; nginx must not cut in first.
    assert limits["/kim/"] >= max_request_bytes()
    assert limits["/kim/"] <= max_request_bytes() + 10 * 1024 * 1024  # and not far above it


def test_nginx_accepts_the_admins_largest_uploads_and_text_forms_elsewhere():
    limits = nginx_body_limits()
    largest_upload = max(settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE, settings.WAGTAILDOCS_MAX_UPLOAD_SIZE)
    assert limits["/admin/"] > largest_upload
    assert limits[""] > settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    assert limits[""] < limits["/kim/"]


def timed_commands() -> dict[str, str]:
    timers = {}
    for timer in (DEPLOY / "systemd").glob("*.timer"):
        unit = re.search(r"^Unit=sinergi-manage@(\w+)\.service$", timer.read_text(), re.MULTILINE)
        assert unit, f"{timer.name} does not run a command through sinergi-manage@.service"
        timers[unit.group(1)] = timer.name
    return timers


def test_every_timer_runs_a_command_that_exists():
    commands = get_commands()
    missing = {name: timer for name, timer in timed_commands().items() if name not in commands}
    assert not missing, f"timers run commands that do not exist: {missing}"


@pytest.mark.parametrize(
    "command", sorted(name for name, app in get_commands().items() if app.startswith("sinergi."))
)
def test_each_of_our_commands_is_timed_or_run_by_hand(command):
    assert command in timed_commands() or command in RUN_BY_HAND, (
        f"manage.py {command}: add deploy/systemd/sinergi-<job>.timer (Unit=sinergi-manage@{command}.service) "
        "or name it in RUN_BY_HAND with the reason"
    )


def test_the_library_commands_the_timers_run_are_installed():
    assert set(timed_commands()) >= LIBRARY_COMMANDS_TIMED
    assert {"kim_remind", "kim_prune"} <= set(timed_commands())
