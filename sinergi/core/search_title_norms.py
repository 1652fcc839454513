"""PostgreSQL search entries' title norms set on the rows written, from a cached average title length.

modelsearch ranks a PostgreSQL search entry by `ts_rank(title) * title_norm + ts_rank(body)`, where
`title_norm` is the average title length over the whole index divided by this entry's title length
(in lexemes; entries without a title keep 1.0). Its index sets the norms after every insert with
two scans of the whole index table: `AVG(LENGTH(title))`, then `UPDATE … WHERE title_norm = 1.0`
(no index on title_norm). With 25,508 villages (359,649 entries, 880 MB) that was 106 to 150 ms of
SQL per indexed object, paid by every publish (or by the task worker), growing with the instance.

`TitleNormIndex` writes the same norm (average / length) on the rows just written only, found by
(content type, object id) through the table's unique index, with the average taken from Django's
cache. The average is computed exactly (one scan) when the cache has none or it is older than
`AVERAGE_SECONDS`, and stored again by every exact refresh: at the end of a bulk provisioning
(`sinergi.regions.bulk.title_norms_once`) and by the full refresh of `manage.py update_index`
(modelsearch's rebuilder calls `_refresh_title_norms(full=True)`, every row with the exact average).

Why a cache with a day's life rather than an exact average per write: the average moves with the mix
of the content, not with one article: the big jumps (a regency or province provisioned) refresh it
exactly, and a day of publishing moves it little. Norms written with an average a day old
rank as modelsearch's own did (it too leaves older rows with the average of their time). With Redis
the value is shared by every app server and worker (one scan a day for all); with the local-memory
cache (tests, demo, no REDIS_URL) each process computes it once a day; with Redis down, every write
computes it (as modelsearch did). The key names the database, so two databases sharing one Redis do
not share an average.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import cache
from django.db.models import Avg, F
from django.db.models.functions import Length
from django.utils.encoding import force_str
from modelsearch.backends.database.postgres.postgres import PostgresIndex
from modelsearch.utils import get_content_type_pk

# How long the average title length is reused before it is computed again (one scan of the index).
AVERAGE_SECONDS = 24 * 60 * 60

_deferred: ContextVar[bool] = ContextVar("sinergi_title_norms_deferred", default=False)


@contextmanager
def title_norms_deferred():
    """Inside this block writes leave their entries' `title_norm` at 1.0 (modelsearch's mark of a norm
    still to set); `TitleNormIndex._refresh_title_norms()` afterwards sets them all with one average."""
    token = _deferred.set(True)
    try:
        yield
    finally:
        _deferred.reset(token)


class TitleNormIndex(PostgresIndex):
    """modelsearch's PostgreSQL index whose writes set the title norms of the rows written only."""

    # (content type id, object ids) of the items being written, while `add_items` runs.
    _written: tuple[int, list[str]] | None = None

    def add_items(self, model, objs):
        objs = list(objs)  # read twice: here and by modelsearch
        # As modelsearch's ObjectIndexer names an entry: the model's content type and str(pk).
        self._written = (get_content_type_pk(model), [force_str(obj.pk) for obj in objs])
        try:
            super().add_items(model, objs)  # its insert, then self._refresh_title_norms()
        finally:
            self._written = None

    def _refresh_title_norms(self, full=False):
        """After a write (from `add_items`): the rows written, with the cached average. Otherwise, as
        modelsearch: the exact average, on every row (`full`) or on those still at 1.0; the average is
        then stored for the writes that follow."""
        if self._written is not None and not full:
            if _deferred.get():
                return
            content_type_id, object_ids = self._written
            average = self.average_title_length()
            entries = self.entries.filter(content_type_id=content_type_id, object_id__in=object_ids)
        else:
            average = self.exact_average_title_length()
            entries = self.entries if full else self.entries.filter(title_norm=1.0)
        if average is None:  # no entry has a title
            return
        entries.annotate(title_length=Length("title")).filter(title_length__gt=0).update(
            title_norm=average / F("title_length")
        )

    def average_cache_key(self) -> str:
        settings = self.write_connection.settings_dict
        return f"sinergi:search:title-length-average:{settings['HOST']}:{settings['PORT']}:{settings['NAME']}"

    def exact_average_title_length(self) -> float | None:
        """The average length of the titles in the index (one scan of the table), stored in the cache."""
        average = (
            self.entries.annotate(title_length=Length("title"))
            .filter(title_length__gt=0)
            .aggregate(Avg("title_length"))["title_length__avg"]
        )
        if average is not None:
            cache.set(self.average_cache_key(), average, AVERAGE_SECONDS)
        return average

    def average_title_length(self) -> float | None:
        """The cached average, computed exactly if the cache has none."""
        average = cache.get(self.average_cache_key())
        return average if average is not None else self.exact_average_title_length()
