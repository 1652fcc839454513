"""Wagtail's database search backend, with every query made safe for SQLite FTS5 and PostgreSQL first.

Every search goes through the backend's `_search` (public `.search()`, admin listings, choosers,
autocomplete), so the query is neutralised there once. The database backend quotes each term for
FTS5 but not a `"` inside it ("unterminated string", HTTP 500), and a NUL byte breaks PostgreSQL.
Balanced quotes stay a phrase search; stray quotes, control characters and terms without a single
letter or digit (bare operators such as `-`, `*`, `(`) are dropped; the text is cut to MAX_QUERY_LENGTH.
"""

import copy
import re

from modelsearch.backends import database
from modelsearch.query import And, Boost, Fuzzy, MatchAll, Not, Or, Phrase, PlainText, SearchQuery

from sinergi.core.text import INVISIBLE

# Longer than any title a person would type; a pasted page of text is cut, not searched term by term.
MAX_QUERY_LENGTH = 200
_WORD = re.compile(r"\w")
_PHRASE = re.compile(r'"([^"]*)"')


def _clean_terms(text: str) -> str:
    """The words of `text`, without quotes, control characters and terms made only of punctuation."""
    text = INVISIBLE.sub(" ", text.replace('"', " "))
    return " ".join(term for term in text.split() if _WORD.search(term))


def neutralise_string(query: str, operator: str | None = None) -> SearchQuery | str:
    """A user's text as a query: `"…"` pairs become phrases, everything else plain words."""
    query = INVISIBLE.sub(" ", query)[:MAX_QUERY_LENGTH]
    parts: list[SearchQuery] = []
    position = 0
    for match in _PHRASE.finditer(query):
        if words := _clean_terms(query[position : match.start()]):
            parts.append(PlainText(words, operator=operator or PlainText.DEFAULT_OPERATOR))
        if phrase := _clean_terms(match.group(1)):
            parts.append(Phrase(phrase))
        position = match.end()
    if words := _clean_terms(query[position:]):
        parts.append(PlainText(words, operator=operator or PlainText.DEFAULT_OPERATOR))
    if not parts:
        return ""  # the backend answers an empty query with no results
    if len(parts) == 1 and isinstance(parts[0], PlainText):
        return parts[0].query_string  # plain words: keep the backend's own handling of a string
    return Or(parts) if operator == "or" else And(parts)


def neutralise_query(query: SearchQuery) -> SearchQuery | None:
    """The same cleaning for a query object (the admin parses its search box itself); None if empty."""
    if isinstance(query, PlainText | Phrase | Fuzzy):
        words = _clean_terms(query.query_string[:MAX_QUERY_LENGTH])
        if not words:
            return None
        query = copy.copy(query)
        query.query_string = words
        return query
    if isinstance(query, And | Or):
        subqueries = [q for q in map(neutralise_query, query.subqueries) if q is not None]
        if not subqueries:
            return None
        return type(query)(subqueries) if len(subqueries) > 1 else subqueries[0]
    if isinstance(query, Not | Boost):
        subquery = neutralise_query(query.subquery)
        if subquery is None:
            return None
        query = copy.copy(query)
        query.subquery = subquery
        return query
    return query  # MatchAll and anything this module does not know: nothing typed by a user in it


class NeutralisedQueryMixin:
    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        if isinstance(query, str):
            query = neutralise_string(query, kwargs.get("operator"))
        elif isinstance(query, SearchQuery) and not isinstance(query, MatchAll):
            query = neutralise_query(query)
            if query is None:
                query = ""
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)

    @property
    def drives_page_search(self) -> bool:
        """Whether `search_pages_within` reads the pages first (PostgreSQL), so that a condition on
        them costs only the pages searched; other backends read the index first."""
        base = type(self).query_compiler_class
        return page_driven_compiler(base) is not base

    def search_pages_within(self, query, queryset):
        """A search of the pages in `queryset` (a village's or a regency's) whose cost follows those
        pages, not the instance: on PostgreSQL each page looks up its own index entry."""
        compiler = page_driven_compiler(type(self).query_compiler_class)
        return self._search(compiler, query, queryset)


_page_driven: dict[type, type] = {}


def page_driven_compiler(base: type) -> type:
    """PostgreSQL's query compiler, driven from the pages searched (others are returned as they are).

    modelsearch joins the pages to every index entry of their types and lets PostgreSQL choose; with a
    province in one instance it reads every entry that has the words (most pages have "desa") before
    keeping the regency's few thousand pages (1.4 s with 25,000 villages). Here each page of the
    queryset finds its own entry in a correlated subquery, through the unique index on (content type,
    object id), and the rank is computed as modelsearch computes it (title weighted by its norm, plus
    body), so results and their order are the same.
    """
    from modelsearch.backends.database.postgres.postgres import PostgresSearchQueryCompiler

    if not issubclass(base, PostgresSearchQueryCompiler):
        return base
    if base not in _page_driven:
        _page_driven[base] = type(f"PageDriven{base.__name__}", (_PageDrivenMixin, base), {})
    return _page_driven[base]


class _PageDrivenMixin:
    def check(self):
        # The queryset is used as it is, not translated into the index's filters: any condition (the
        # visibility rule, correlated per page) may be in it.
        if self.fields is not None or not _is_text_query(self.query):
            super().check()

    def search(self, config, start, stop, score_field=None, backend=None):
        if self.fields is not None or not _is_text_query(self.query):
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        from django.contrib.postgres.search import SearchVectorField
        from django.db.models import CharField, F, FloatField, OuterRef, Subquery
        from django.db.models.expressions import CombinedExpression
        from django.db.models.functions import Cast
        from modelsearch.backends.database.postgres.postgres import IndexEntry

        search_query = self.build_tsquery(self.query, config=config)
        vector = CombinedExpression(F("title"), "||", F("body"), output_field=SearchVectorField())
        rank = self.build_tsrank(F("title"), self.query, config=config) * F("title_norm") + self.build_tsrank(
            F("body"), self.query, config=config
        )
        entry_rank = (
            IndexEntry._default_manager.filter(
                content_type_id=OuterRef("content_type_id"), object_id=Cast(OuterRef("pk"), CharField())
            )
            .annotate(_vector_=vector)
            .filter(_vector_=search_query)
            .annotate(_rank_=rank)
            .values("_rank_")[:1]
        )
        queryset = self.queryset.annotate(
            sinergi_search_rank=Subquery(entry_rank, output_field=FloatField())
        ).filter(sinergi_search_rank__isnull=False)
        if self.order_by_relevance:
            queryset = queryset.order_by(F("sinergi_search_rank").desc(), "-pk")
        elif not queryset.query.order_by:
            queryset = queryset.order_by("-pk")
        if score_field is not None:
            queryset = queryset.annotate(**{score_field: F("sinergi_search_rank")})
        return queryset[start:stop]


def _is_text_query(query) -> bool:
    """Words, phrases and their combinations (what a visitor's search box gives); not MatchAll or Fuzzy."""
    if isinstance(query, PlainText | Phrase):
        return True
    if isinstance(query, And | Or):
        return all(_is_text_query(q) for q in query.subqueries)
    if isinstance(query, Boost):
        return _is_text_query(query.subquery)
    return False  # MatchAll, Fuzzy, Not: modelsearch's own plan


_classes: dict[type, type] = {}


def SearchBackend(params):  # the name Wagtail looks up in a backend module
    """The backend modelsearch picks for the database in use (SQLite FTS5, PostgreSQL, ...), made safe;
    on PostgreSQL with `search_title_norms.TitleNormIndex` (a write's title norms cost its own rows)."""
    chosen = type(database.SearchBackend(params))
    if chosen not in _classes:
        attributes = {}
        from modelsearch.backends.database.postgres.postgres import PostgresIndex

        if getattr(chosen, "index_class", None) is PostgresIndex:
            from sinergi.core.search_title_norms import TitleNormIndex

            attributes["index_class"] = TitleNormIndex
        _classes[chosen] = type(f"Neutralised{chosen.__name__}", (NeutralisedQueryMixin, chosen), attributes)
    return _classes[chosen](params)
