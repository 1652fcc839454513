"""Queries of a fixed shape whose SQL is compiled once per process, then only given new values.

Building a page queryset and compiling it to SQL costs the ORM more than the database takes to answer
it: a page type's columns and its parents', the joined images and regions, the visibility rule. On an
uncached public page that was about a third of the time (docs/architecture.md, "Uncached pages").
A `PreparedQuery` builds its queryset once with stand-in values, compiles it, records where each
value went in the SQL parameters, and from then on runs that SQL with the call's values, reading the
rows into model instances exactly as the queryset itself would (select_related, prefetch_related and
annotations included).

Only plain values may vary: integers, strings, dates, and lists of them (a list's length is part of
the shape: each length is compiled once; an empty list is answered by the ORM itself). The queryset
must use each value as a whole SQL parameter (equality, comparison, IN) or as a LIKE pattern
(`startswith`, `contains`: bound escaped as Django escapes it); a value rewritten any other way is
refused when the query is first compiled. Everything else the builder does (joins, ordering, slices,
`Now()`) is part of the compiled SQL.

With `VERIFY_PREPARED_QUERIES` on (the test suite turns it on), every call also builds the queryset
with its real values and checks that Django would send the same SQL and parameters.
"""

from __future__ import annotations

import copy
import datetime
import threading
import weakref
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import QuerySet
from django.db.models.base import ModelState

# Stand-ins: within a 32-bit integer column's range (Django turns an out-of-range comparison into no
# SQL at all) and far from any key, depth or count the project stores; for a query that compares a
# small integer column (a year), within its range (PostgreSQL's smallint; SQLite has one integer type).
_INT_STAND_IN = 2_147_000_000
_SMALL_INT_STAND_IN = 32_000
# With underscores: a LIKE pattern holds the value escaped (\_), so it is told apart from a whole value.
_STR_STAND_IN = "\ue000sinergi_prepared_{}\ue000"
_DATE_STAND_IN = datetime.date(1801, 1, 1)
_SCALARS = (int, str, datetime.date)


def _normal(value):
    if isinstance(value, bool | datetime.datetime) or not isinstance(value, (*_SCALARS, list, tuple)):
        raise TypeError(
            f"PreparedQuery takes integers, strings, dates and lists of them, not {type(value).__name__}"
        )
    if isinstance(value, list | tuple):
        items = tuple(dict.fromkeys(value))  # as Django's IN drops repeats
        for item in items:
            if isinstance(item, bool | datetime.datetime) or not isinstance(item, _SCALARS):
                raise TypeError(
                    f"PreparedQuery lists hold integers, strings and dates, not {type(item).__name__}"
                )
        return items
    return value


def _shape(args) -> tuple:
    return tuple(
        tuple(type(item).__name__ for item in arg) if isinstance(arg, tuple) else type(arg).__name__
        for arg in args
    )


class _StandIns:
    """Stand-in values for one shape of arguments, and where each one sits."""

    def __init__(self, args, int_base=_INT_STAND_IN):
        self.places: dict[object, tuple] = {}
        self.int_base = int_base
        counter = iter(range(10_000))
        self.values = tuple(self._stand_in(arg, (index,), counter) for index, arg in enumerate(args))

    def _stand_in(self, arg, place, counter):
        if isinstance(arg, tuple):
            return [self._stand_in(item, (*place, position), counter) for position, item in enumerate(arg)]
        number = next(counter)
        if isinstance(arg, datetime.date):
            value = _DATE_STAND_IN + datetime.timedelta(days=number)
            # Some backends are given the date itself, SQLite its ISO text: bound the same way.
            self.places[(str, value.isoformat())] = (*place, "isoformat")
        elif isinstance(arg, int):
            value = self.int_base + number
        else:
            value = _STR_STAND_IN.format(number)
        self.places[(type(value), value)] = place
        return value


_LIKE_PATTERNS = ("{}", "{}%", "%{}", "%{}%")


def _pattern_slot(param: str, stand_ins: _StandIns, connection):
    """A LIKE pattern made of one string value (`startswith`, `contains`, `iexact` on SQLite...):
    bound with the value escaped as Django escapes it. None for any other rewriting."""
    for (kind, value), place in stand_ins.places.items():
        escaped = connection.ops.prep_for_like_query(value) if kind is str else None
        if escaped and escaped in param and param.replace(escaped, "{}", 1) in _LIKE_PATTERNS:
            return ("like", place, param.replace(escaped, "{}", 1))
    return None


class _Compiled:
    def __init__(self, queryset: QuerySet, compiler, sql: str, slots: list):
        self.queryset = queryset
        self.compiler = compiler
        self.sql = sql
        # Per parameter: ("value", place, type or None), ("like", place, pattern) or ("const", value).
        self.slots = slots
        self.converters: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def params(self, args, connection) -> tuple:
        bound = []
        for kind, item, *extra in self.slots:
            if kind == "const":
                bound.append(item)
                continue
            value = args[item[0]]
            for position in item[1:]:
                value = value.isoformat() if position == "isoformat" else value[position]
            if kind == "like":
                value = extra[0].replace("{}", connection.ops.prep_for_like_query(value))
            elif extra[0] is not None:  # the integer type the backend gave the value
                value = extra[0](value)
            bound.append(value)
        return tuple(bound)


class PreparedQuery:
    """`PreparedQuery(build)(*values)`: the list `build(*values)` would give, from SQL compiled once.

    `build` returns a queryset (`Model.objects.filter(pk=pk).select_related(...)`); it is called
    once per shape of values and database, never per call (except to verify, see the module).
    """

    def __init__(self, build: Callable[..., QuerySet]):
        self.build = build
        self._compiled: dict[tuple, _Compiled] = {}
        self._windows = 0
        self._lock = threading.Lock()

    def __call__(self, *values, using: str = DEFAULT_DB_ALIAS) -> list:
        return self._rows(values, None, using)

    def window(self, offset: int, limit: int, *values, using: str = DEFAULT_DB_ALIAS) -> list:
        """`build(*values)[offset:offset + limit]`: one page of a listing. LIMIT and OFFSET are
        written into the SQL, so each window is compiled once (the first `MAX_WINDOWS` a process
        meets; any further one is built by the ORM, as a page far down a listing is rare)."""
        if not all(type(number) is int and number >= 0 for number in (offset, limit)):
            raise TypeError("PreparedQuery.window takes an offset and a limit, integers from 0")
        if limit == 0:
            return []  # no SQL, as the ORM sends none for an empty slice (an empty listing's page)
        return self._rows(values, (offset, limit), using)

    def count(self, *values, using: str = DEFAULT_DB_ALIAS) -> int:
        """`build(*values).count()`: the rows counted by the database, from SQL compiled once."""
        args = tuple(_normal(value) for value in values)
        if any(arg == () for arg in args):
            return self.build(*[[] if arg == () else arg for arg in args]).using(using).count()
        compiled = self._compiled_for(args, "count", using)
        params = compiled.params(args, connections[using])
        if getattr(settings, "VERIFY_PREPARED_QUERIES", False):
            self._verify(compiled, args, "count", params, using)
        with connections[using].cursor() as cursor:
            cursor.execute(compiled.sql, params)
            return cursor.fetchone()[0]

    def _rows(self, values, window, using) -> list:
        args = tuple(_normal(value) for value in values)
        if any(arg == () for arg in args):
            # An empty list: Django leaves out the condition or the whole query (no SQL to reuse).
            return list(
                _in_window(self.build(*[[] if arg == () else arg for arg in args]).using(using), window)
            )
        compiled = self._compiled_for(args, window, using)
        if compiled is None:  # a window past the ones kept
            return list(_in_window(self._build_real(args, using), window))
        params = compiled.params(args, connections[using])
        if getattr(settings, "VERIFY_PREPARED_QUERIES", False):
            self._verify(compiled, args, window, params, using)
        return _evaluate(compiled, params, using)

    def _compiled_for(self, args, variant, using) -> _Compiled | None:
        key = (using, _shape(args), variant)
        compiled = self._compiled.get(key)
        if compiled is None:
            with self._lock:
                compiled = self._compiled.get(key)
                if compiled is None:
                    if isinstance(variant, tuple) and self._windows >= MAX_WINDOWS:
                        return None
                    compiled = self._compile(key, args, variant, using)
                    self._windows += isinstance(variant, tuple)
        return compiled

    def _build_real(self, args, using) -> QuerySet:
        return self.build(*[list(arg) if isinstance(arg, tuple) else arg for arg in args]).using(using)

    def first(self, *values, using: str = DEFAULT_DB_ALIAS):
        rows = self(*values, using=using)
        return rows[0] if rows else None

    def lazy(self, *values, using: str = DEFAULT_DB_ALIAS) -> LazyQuerySet:
        """For a method that must return a queryset: iterating it runs the prepared SQL, anything
        else (`order_by`, `exists`...) builds the real queryset and goes on from there."""
        return LazyQuerySet(self, values, using)

    def _compile(self, key, args, variant, using) -> _Compiled:
        try:
            stand_ins, queryset, compiler, sql, params = self._build_with(_StandIns(args), variant, using)
        except EmptyResultSet:
            # Django found a stand-in out of a column's range (a small integer column): smaller ones.
            stand_ins, queryset, compiler, sql, params = self._build_with(
                _StandIns(args, int_base=_SMALL_INT_STAND_IN), variant, using
            )
        if variant == "count":
            sql = _counting(sql)
        slots, seen = [], set()
        for param in params:
            # PostgreSQL's backend hands integers over as typed subclasses (psycopg's Int4...): the
            # value is bound in the same type, so the statement sent stays the same.
            is_int = isinstance(param, int) and not isinstance(param, bool)
            place = stand_ins.places.get((int if is_int else type(param), param))
            if place is not None:
                slots.append(("value", place, type(param) if is_int and type(param) is not int else None))
                seen.add(place)
            elif isinstance(param, str) and "\ue000sinergi" in param:
                slot = _pattern_slot(param, stand_ins, connections[using])
                if slot is None:
                    raise ValueError(
                        f"{self.build.__qualname__}: a value is rewritten inside a parameter ({param!r})"
                    )
                slots.append(slot)
                seen.add(slot[1])
            else:
                slots.append(("const", param))
        missing = {place for place in stand_ins.places.values() if place[-1] != "isoformat"} - {
            place[:-1] if place[-1] == "isoformat" else place for place in seen
        }
        if missing:
            raise ValueError(f"{self.build.__qualname__}: values {sorted(missing)} are not SQL parameters")
        compiled = self._compiled[key] = _Compiled(queryset, compiler, sql, slots)
        return compiled

    def _build_with(self, stand_ins: _StandIns, variant, using):
        queryset = _variant(self.build(*stand_ins.values).using(using), variant)
        compiler = queryset.query.get_compiler(using=using)
        sql, params = compiler.as_sql()
        return stand_ins, queryset, compiler, sql, params

    def _verify(self, compiled: _Compiled, args, variant, params, using) -> None:
        queryset = _variant(self._build_real(args, using), variant)
        sql, expected = queryset.query.get_compiler(using=using).as_sql()
        if variant == "count":
            sql = _counting(sql)
        if sql != compiled.sql or tuple(expected) != params:
            raise AssertionError(
                f"{self.build.__qualname__}: the prepared SQL differs from the queryset's\n"
                f"{compiled.sql} {params}\n{sql} {tuple(expected)}"
            )


# Windows (offset, limit) compiled per PreparedQuery; a listing's pages beyond are built by the ORM.
MAX_WINDOWS = 64


def _in_window(queryset: QuerySet, window) -> QuerySet:
    if window is None:
        return queryset
    offset, limit = window
    return queryset[offset : offset + limit]


def _variant(queryset: QuerySet, variant) -> QuerySet:
    """The queryset a compiled variant runs: the rows (None), a window (offset, limit), or the keys
    of the rows to be counted ("count")."""
    if variant == "count":
        # What QuerySet.count() counts, whatever the queryset (DISTINCT, joins): its rows, here as
        # their keys in a subquery, so that the count's SQL is checked like any other.
        return queryset.order_by().values("pk")
    return _in_window(queryset, variant)


def _counting(sql: str) -> str:
    return f'SELECT COUNT(*) FROM ({sql}) "prepared_count"'  # noqa: S608  (the ORM's own compiled SQL)


class PreparedListing:
    """A listing for Django's Paginator (`count()` and slicing) read through a PreparedQuery: the
    count and each page's rows from SQL compiled once, where paginating a queryset compiled both on
    every request."""

    def __init__(self, prepared: PreparedQuery, *values, using: str = DEFAULT_DB_ALIAS):
        self._prepared, self._values, self._using = prepared, values, using

    def count(self) -> int:
        return self._prepared.count(*self._values, using=self._using)

    def __getitem__(self, item) -> list:
        if not isinstance(item, slice) or item.step is not None:
            raise TypeError("PreparedListing is read a page at a time: listing[start:stop]")
        start, stop = item.start or 0, item.stop
        if stop is None or stop < start:
            raise TypeError("PreparedListing needs a slice with a start and a stop")
        return self._prepared.window(start, stop - start, *self._values, using=self._using)


class LazyQuerySet:
    def __init__(self, prepared: PreparedQuery, values: tuple, using: str):
        self._prepared, self._values, self._using = prepared, values, using
        self._rows = None

    def _fetch(self) -> list:
        if self._rows is None:
            self._rows = self._prepared(*self._values, using=self._using)
        return self._rows

    def __iter__(self):
        return iter(self._fetch())

    def __len__(self):
        return len(self._fetch())

    def __bool__(self):
        return bool(self._fetch())

    def __getattr__(self, name):
        real = [list(value) if isinstance(value, tuple) else value for value in self._values]
        return getattr(self._prepared.build(*real).using(self._using), name)


def _evaluate(compiled: _Compiled, params: tuple, using: str) -> list:
    """Run the compiled SQL with `params` through the queryset's own iterable (rows to instances,
    select_related, annotations) and prefetching, on a throwaway copy of the queryset."""
    connection = connections[using]  # connections are per thread
    compiler = copy.copy(compiled.compiler)
    compiler.connection = connection
    compiler.as_sql = lambda *args, **kwargs: (compiled.sql, params)
    # The columns' converters (dates, booleans...) depend on the columns and the connection only.
    converters = compiled.converters.get(connection)
    if converters is None:
        converters = compiled.converters[connection] = compiler.get_converters(
            [column[0] for column in compiler.select[0 : compiler.col_count]]
        )
    compiler.get_converters = lambda expressions: converters
    queryset = _shallow_copy(compiled.queryset)
    queryset._query = _shallow_copy(compiled.queryset.query)
    queryset._query.get_compiler = lambda *args, **kwargs: compiler
    queryset._fetch_all()
    return queryset._result_cache


def instances_from_rows(model, rows, names: tuple[str, ...], using: str = DEFAULT_DB_ALIAS) -> list:
    """`model` objects from `values_list(*names)` rows, as Django reads them (`from_db`: not adding,
    read from `using`) but without its constructor and the pre_init/post_init signals per object:
    for rows a public page reads by the dozen, where neither has work to do (the callers say why)."""
    objects = []
    for row in rows:
        instance = model.__new__(model)
        instance._state = ModelState()
        instance._state.adding, instance._state.db = False, using
        instance.__dict__.update(zip(names, row, strict=True))
        objects.append(instance)
    return objects


def _shallow_copy(instance):
    # copy.copy would pickle a QuerySet's state, which evaluates it; a Query is never changed here.
    clone = instance.__class__.__new__(instance.__class__)
    clone.__dict__.update(instance.__dict__)
    return clone
