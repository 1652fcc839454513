"""Every Sinergi management command answers --help (its texts are translatable, argparse wants str)."""

import pytest
from django.core.management import ManagementUtility, get_commands


def sinergi_commands() -> list[str]:
    return sorted(name for name, app in get_commands().items() if app.startswith("sinergi."))


def test_the_commands_are_found():
    assert {"kim_remind", "ppid_remind", "complaints_remind", "compute_index", "provision_regency"} <= set(
        sinergi_commands()
    )


@pytest.mark.parametrize("name", sinergi_commands())
def test_help_is_printed(name, capsys):
    with pytest.raises(SystemExit) as done:
        ManagementUtility(["manage.py", name, "--help"]).execute()
    assert done.value.code == 0
    assert f"manage.py {name}" in capsys.readouterr().out
