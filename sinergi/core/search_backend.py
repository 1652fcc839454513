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


_classes: dict[type, type] = {}


def SearchBackend(params):  # the name Wagtail looks up in a backend module
    """The backend modelsearch picks for the database in use (SQLite FTS5, PostgreSQL, ...), made safe."""
    chosen = type(database.SearchBackend(params))
    if chosen not in _classes:
        _classes[chosen] = type(f"Neutralised{chosen.__name__}", (NeutralisedQueryMixin, chosen), {})
    return _classes[chosen](params)
