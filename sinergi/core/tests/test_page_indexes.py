"""The indexes the project adds to Wagtail's page table are the ones the database reads through."""

import pytest
from django.db import connection
from wagtail.models import Page

from sinergi.core.pages import PORTAL_DEPTH, child_range

pytestmark = pytest.mark.django_db


def children_of(page):
    return Page.objects.filter(**child_range(page))


def _plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        return " ".join(str(row) for row in cursor.fetchall())


def test_a_portals_children_are_read_through_the_depth_and_path_index_not_its_whole_tree(sebuntal):
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL picks its plan from table statistics; the test database is small")
    portal = Page.objects.get(depth=PORTAL_DEPTH, path=sebuntal.page.path[: PORTAL_DEPTH * Page.steplen])
    assert "sinergi_page_depth_path" in _plan(children_of(portal))
    assert "sinergi_page_depth_path" in _plan(children_of(portal).filter(show_in_menus=True, live=True))
    assert {page.depth for page in children_of(portal)} == {PORTAL_DEPTH + 1}
