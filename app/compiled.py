"""Statements written once: a peewee query compiled to SQL the first time, then run again with
new values (issue 21: peewee spent about 9 of an intake's 36 ms on PostgreSQL writing the same
SQL text again for every case).

A statement is built from a function whose arguments stand for the values of each run. The SQL
is kept per kind of database (SQLite or PostgreSQL) and per shape: a list is compiled once for
each length, and None is given to the function itself, so that it can leave a condition out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from peewee import Model, Node

from app.models import database

# the longest list kept compiled: longer ones (a chunk of 500 cases) are written each time
MOST_KEPT = 16


@dataclass(frozen=True)
class _Taken:
    """Where a run's value goes among the parameters, and how the column stores it."""

    name: str
    index: int | None
    convert: Callable | None


class Slot(Node):
    """A value given at each run. Compared with a column, it is stored as that column stores it."""

    def __init__(self, name: str, index: int | None = None, convert: Callable | None = None):
        super().__init__()
        self.name, self.index, self.convert = name, index, convert

    def __sql__(self, ctx):
        if ctx.state.value_literals:
            raise TypeError(f"{self.name}: a compiled statement cannot write its values into the SQL")
        ctx._values.append(_Taken(self.name, self.index, self.convert or ctx.state.converter))
        return ctx.literal(ctx.state.param or "?")


class Statement:
    """A query from `build(**slots)`, compiled once for each kind of database and shape.
    `shaped=False`: every value is one value (a row to insert, whose lists are JSON)."""

    def __init__(self, build: Callable[..., object], shaped: bool = True):
        self._build = build
        self._shaped = shaped
        self._kept: dict[tuple, tuple] = {}

    def __call__(self, **values) -> Bound:
        if self._shaped:
            shape = tuple((name, _shape(v)) for name, v in values.items())
        else:
            shape = tuple(values)
        key = (type(database.obj), shape)
        kept = self._kept.get(key)
        if kept is None:
            if self._shaped:
                slots = {name: _slots(name, v) for name, v in values.items()}
            else:
                slots = {name: Slot(name) for name in values}
            query = self._build(**slots)
            sql, params = query.sql()
            kept = (query, sql, params)
            if not self._shaped or all(len(v) <= MOST_KEPT for v in values.values() if isinstance(v, list | tuple)):
                self._kept[key] = kept
        query, sql, params = kept
        return Bound(query, sql, [_value(p, values) for p in params])


def _shape(value):
    if value is None:
        return None
    if isinstance(value, list | tuple):
        return len(value)
    return ""


def _slots(name: str, value):
    if value is None:
        return None
    if isinstance(value, list | tuple):
        return [Slot(name, i) for i in range(len(value))]
    return Slot(name)


def _value(param, values: dict):
    if not isinstance(param, _Taken):
        return param  # a constant of the query itself (a LIMIT, a status)
    value = values[param.name]
    if param.index is not None:
        value = value[param.index]
    return param.convert(value) if param.convert else value


class Bound:
    """A compiled statement with this run's values; reads like the query it was built as."""

    def __init__(self, query, sql: str, params: list):
        self.query, self._sql, self._params = query, sql, params

    @property
    def model(self):
        return self.query.model

    @property
    def _row_type(self):  # what db.together() reads to tell tuples from model rows
        return self.query._row_type

    def sql(self) -> tuple[str, list]:
        return self._sql, self._params

    def execute(self):
        """Run it; returns the driver's cursor."""
        return database.execute_sql(self._sql, self._params)

    def __iter__(self) -> Iterator:
        return iter(self.query._get_cursor_wrapper(self.execute()))

    def get(self):
        """The one row, or the model's DoesNotExist."""
        for row in self:
            return row
        raise self.model.DoesNotExist(f"{self.model.__name__}: no row matches")


# an INSERT per model and set of columns
_INSERTS: dict[tuple, Statement] = {}


def insert(model: type[Model], row: dict, returning: bool = False) -> Bound:
    """An INSERT of one row (field name → value, defaults filled as peewee fills them);
    `returning`: the new id is read back (PostgreSQL says it, SQLite's driver keeps it)."""
    row = {**_defaults(model), **row}
    returning = returning and database.obj.returning_clause
    key = (model, tuple(row), returning)
    statement = _INSERTS.get(key)
    if statement is None:
        statement = _INSERTS[key] = Statement(lambda **slots: _insert_query(model, slots, returning), shaped=False)
    return statement(**row)


def _insert_query(model: type[Model], slots: dict, returning: bool):
    query = model.insert(columns(model, slots))
    return query.returning(model._meta.primary_key) if returning else query


def columns(model: type[Model], slots: dict[str, Slot]) -> dict:
    """The slots of a row to insert, by field, each stored as its column stores it (an instance
    as its id): an INSERT converts no value that is already a node."""
    fields = model._meta.fields
    for name, slot in slots.items():
        slot.convert = fields[name].db_value
    return {fields[name]: slot for name, slot in slots.items()}


def _defaults(model: type[Model]) -> dict:
    return {f.name: (d() if callable(d) else d) for f, d in model._meta.defaults.items()}


def create(model: type[Model], **values) -> Model:
    """Model.create, its INSERT compiled once: the saved instance, with its id."""
    instance = model(**values)
    pk = model._meta.primary_key.name
    row = {k: v for k, v in instance.__data__.items() if not (k == pk and v is None)}
    cursor = insert(model, row, returning=True).execute()
    new_id = cursor.fetchone()[0] if database.obj.returning_clause else cursor.lastrowid
    setattr(instance, pk, new_id)
    instance._dirty.clear()
    return instance
