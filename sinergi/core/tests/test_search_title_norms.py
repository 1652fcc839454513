"""Publishing costs the search index its own entry, not a scan of the whole index, and ranks as before.

On PostgreSQL every entry's `title_norm` (average title length / its title's length) weighs its title
in the ranking. modelsearch set it after every insert by scanning the whole index twice; ours sets the
rows written from a cached average (core.search_title_norms). SQLite's FTS5 has no title norms.
"""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from modelsearch.backends.database.postgres.postgres import IndexEntry, PostgresIndex
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from sinergi.core.search_title_norms import TitleNormIndex
from sinergi.core.tests.factories import make_news
from sinergi.regions.provisioning import provision_regency

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not settings.DB_VENDOR_IS_POSTGRES, reason="title norms are PostgreSQL's"),
]

TABLE = IndexEntry._meta.db_table

ARTICLES = [  # (village fixture, title, intro)
    ("sebuntal", "Musyawarah desa membahas jalan usaha tani", "Warga musyawarah di balai desa."),
    ("sebuntal", "Jalan usaha tani selesai dibangun", "Musyawarah tahun lalu memutuskannya."),
    ("sebuntal", "Posyandu", "Kader posyandu menimbang balita dan mencatat imunisasi."),
    ("santan_ulu", "Musyawarah perencanaan pembangunan", "Jalan dibahas di musyawarah."),
    ("santan_ulu", "Posyandu menimbang balita setiap bulan di balai", "Kader hadir."),
    ("santan_ulu", "Pasar", "Pasar desa buka setiap Sabtu; musyawarah pedagang memilih pengurus."),
    ("santan_ulu", "Pasar desa dipindahkan ke lapangan dekat jalan", "Pedagang pasar setuju."),
]
QUERIES = ["musyawarah", "jalan usaha tani", "posyandu", "balita", "pasar", "musyawarah jalan"]


def index_sql(queries) -> list[str]:
    return [q["sql"].strip() for q in queries if TABLE in q["sql"]]


def norm_of(page) -> tuple[float, int]:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT title_norm, length(title) FROM {TABLE} WHERE content_type_id = %s AND object_id = %s",
            [page.content_type_id, str(page.pk)],
        )
        return cursor.fetchone()


def exact_average() -> float:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT AVG(length(title)) FROM {TABLE} WHERE length(title) > 0")
        return float(cursor.fetchone()[0])


def page_index():
    index = get_search_backend().get_index_for_model(Page)
    assert isinstance(index, TitleNormIndex)
    return index


def test_publishing_an_article_reads_only_its_own_search_entry(sebuntal):
    make_news(sebuntal, "Pembukaan pasar desa")  # an earlier write: the average is in the cache

    with CaptureQueriesContext(connection) as captured:
        page = make_news(sebuntal, "Musyawarah desa membahas jalan usaha tani")

    sql = index_sql(captured.captured_queries)
    assert any(s.startswith("INSERT") for s in sql)  # the article was indexed
    assert not any("AVG(" in s.upper() for s in sql)
    updates = [s for s in sql if s.startswith("UPDATE")]
    assert updates
    for update in updates:  # each one restricted to the entries just written
        assert f'"{TABLE}"."content_type_id" = ' in update and f'"{TABLE}"."object_id" IN (' in update, update
    title_norm, length = norm_of(page)
    assert title_norm == pytest.approx(cache.get(page_index().average_cache_key()) / length)


def test_the_cached_average_is_used_and_the_first_write_computes_a_missing_one(sebuntal):
    index = page_index()
    assert cache.get(index.average_cache_key()) is None

    with CaptureQueriesContext(connection) as captured:
        first = make_news(sebuntal, "Pembukaan pasar desa")

    assert any("AVG(" in s.upper() for s in index_sql(captured.captured_queries))
    average = exact_average()  # nothing written since
    assert cache.get(index.average_cache_key()) == pytest.approx(average)
    title_norm, length = norm_of(first)
    assert title_norm == pytest.approx(average / length)

    cache.set(index.average_cache_key(), 7.0)
    with CaptureQueriesContext(connection) as captured:
        second = make_news(sebuntal, "Musyawarah desa membahas jalan usaha tani")

    assert not any("AVG(" in s.upper() for s in index_sql(captured.captured_queries))
    title_norm, length = norm_of(second)
    assert title_norm == pytest.approx(7.0 / length)


def test_search_results_keep_the_order_of_modelsearchs_full_refresh(request):
    for village, title, intro in ARTICLES:
        make_news(request.getfixturevalue(village), title, intro=intro)
    backend = get_search_backend()

    def orders():
        return {query: [page.title for page in backend.search(query, Page)] for query in QUERIES}

    ours = orders()
    PostgresIndex._refresh_title_norms(page_index(), full=True)  # modelsearch's own: every row, exact average

    assert orders() == ours
    assert all(len(titles) >= 2 for titles in ours.values())  # each query ranks several articles


def test_update_index_sets_every_title_norm_with_the_exact_average(sebuntal):
    page = make_news(sebuntal, "Musyawarah desa membahas jalan usaha tani")
    cache.set(page_index().average_cache_key(), 7.0)  # an average far from the real one
    make_news(sebuntal, "Pembukaan pasar desa")

    call_command("update_index", verbosity=0)

    average = exact_average()
    assert cache.get(page_index().average_cache_key()) == pytest.approx(average)
    title_norm, length = norm_of(page)
    assert title_norm == pytest.approx(average / length)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*) FROM {TABLE} WHERE length(title) > 0 AND abs(title_norm - %s / length(title)) > 1e-9",
            [average],
        )
        assert cursor.fetchone()[0] == 0


def test_provisioning_sets_every_new_entrys_title_norm_with_the_average_at_its_end(regency):
    cache.set(page_index().average_cache_key(), 7.0)  # stale: provisioning must not write with it
    last_pk = Page.objects.order_by("-pk").values_list("pk", flat=True).first()

    provision_regency(regency.code, district_codes=["64.02.15"])

    average = exact_average()
    assert cache.get(page_index().average_cache_key()) == pytest.approx(average)
    new_pages = Page.objects.filter(pk__gt=last_pk)  # the kecamatan, its villages and their sections
    assert new_pages.count() > 10
    with connection.cursor() as cursor:
        cursor.execute(
            f"""SELECT count(*), count(*) FILTER (WHERE abs(e.title_norm - %s / length(e.title)) > 1e-9)
                FROM {TABLE} e JOIN wagtailcore_page p
                  ON p.content_type_id = e.content_type_id AND e.object_id = p.id::text
                WHERE p.id > %s AND length(e.title) > 0""",
            [average, last_pk],
        )
        entries, wrong = cursor.fetchone()
    assert entries == new_pages.count() and wrong == 0
