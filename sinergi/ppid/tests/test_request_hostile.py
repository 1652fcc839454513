"""Hostile text in every field a citizen or an operator types into the PPID request service stays
text on every page that shows it (public tracking, receipt, register, report, the admin's queue and
case pages) and in the Excel downloads: nothing runs, nothing breaks out. Uses the inspector and the
hostile strings of sinergi/core/tests/test_hostile_input.py."""

import html
import io

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled
from openpyxl import load_workbook

from sinergi.casework import tracking
from sinergi.core.tests.test_hostile_input import HOSTILE, inspect
from sinergi.ppid.request_models import InformationRequest
from sinergi.ppid.tests.request_helpers import (
    act_on_objection,
    act_on_request,
    form_data,
    page_url,
    submit_objection,
)

pytestmark = pytest.mark.django_db

CITIZEN_FIELDS = ("requester_name", "organisation", "address", "information", "purpose")


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_text_is_inert_everywhere_it_is_shown(name, client, sebuntal, operator, settings):
    settings.CASEWORK_SUBMISSIONS_PER_HOUR = {"ppid_request": 100, "ppid_objection": 100}
    hostile = HOSTILE[name]
    data = form_data(
        **{
            f: f"T{i}X {hostile}"[: InformationRequest._meta.get_field(f).max_length]
            for i, f in enumerate(CITIZEN_FIELDS)
        }
    )
    response = client.post(f"{page_url(sebuntal)}permohonan/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    receipt_url = response["Location"]
    with scopes_disabled():
        case = InformationRequest.objects.get()
    if case.state == InformationRequest.State.HELD:  # text that looks like spam: released by the operator
        case, _e = act_on_request(case, "release", user=operator)
    # The operator extends and answers with the hostile text; the citizen objects with it; the atasan answers.
    case, _e = act_on_request(case, "extend", user=operator, comment=f"EXT {hostile}")
    case, _e = act_on_request(
        case, "not_held", user=operator, comment=f"ANS {hostile}", held_elsewhere=f"HE {hostile}"[:500]
    )
    objection = submit_objection(case, {"grounds": ["35d"], "reasons": f"OBJ {hostile}"})
    act_on_objection(objection, "dismiss", user=operator, comment=f"ATS {hostile}")
    code = tracking.display_code(case.tracking_code)
    base = page_url(sebuntal)
    public = [
        receipt_url,
        f"{base}lacak/{code}/",
        f"{base}register/",
        f"{base}laporan/",
        f"{base}keberatan/?kode={hostile[:20]}",
    ]
    admin = [
        reverse("ppid_requests:queue"),
        reverse("ppid_requests:request", args=[case.pk]),
        reverse("ppid_requests:objection", args=[objection.pk]),
    ]
    problems = []
    for url in public:
        response = client.get(url)
        assert response.status_code == 200, url
        problems += [f"{url}: {p}" for p in inspect(response.content.decode(), hostile)]
    # The admin's own pages carry Wagtail's scripts: what must not be there is the input's markup.
    client.force_login(operator)
    for url in admin:
        response = client.get(url)
        assert response.status_code == 200, url
        baseline = set(inspect(client.get(reverse("wagtailadmin_home")).content.decode(), hostile))
        problems += [f"{url}: {p}" for p in inspect(response.content.decode(), hostile) if p not in baseline]
    tracking_page = client.get(public[1]).content.decode()
    for token in ("ANS", "HE", "OBJ", "ATS", "EXT", "T3X"):
        assert (
            html.escape(f"{token} {hostile}"[:40]).split("\n")[0][:12] in tracking_page
            or token in tracking_page
        )
    for url in (f"{base}register/unduh/", f"{base}laporan/unduh/"):
        sheet = load_workbook(io.BytesIO(client.get(url).content)).active
        values = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
        assert not any(v.startswith(("=", "+", "@")) for v in values)
    assert problems == []
