"""Full-text search over a case's words: facts, names, business, product and its serial/IMEI,
case number, and the complainant's phone: its last four digits are a word of the document (what the
masked register shows), the whole number is found through its salted hash (app/privacy.py).

Chinese needs substring search down to two characters (空调, 退货). On SQLite an FTS5
table indexes every CJK character as its own token and a query is a phrase of
characters: indexed, exact, ~1 ms on 100k cases (trigram cannot find 2-character words
on SQLite 3.40, see STACK-NOTES). On PostgreSQL a plain text column is matched with
LIKE (documents and words are lower case), found first through the document's pairs of characters
(a generated text[] column under a GIN index, schema v23; a trigram index cannot serve
two-character words).
"""

from __future__ import annotations

import functools
import re

from peewee import SQL, Expression

from app import checks
from app.db import is_postgres, later
from app.errors import DatabaseError, FieldError
from app.models import Business, Case, Complainant, Complaint, Purchase, case_with_parts, database
from app.privacy import phone_tail, salted_hash

# SQLite (schema v25): a document's row in the full-text index is keyed by its case's received
# time and id, seconds << ID_BITS | id, so the index itself hands a search's newest matches over
# first and the register's first page costs what the index's own count does; search_key keeps
# each case's key, for replacing its document when the time is corrected.
ID_BITS = 28  # 268 million cases
ID_MASK = (1 << ID_BITS) - 1
KEY_SQL = f"((CAST(strftime('%s', received_at) AS INTEGER) << {ID_BITS}) + id)"  # of a complaint_case row
CASE_OF_ROW = f"(rowid & {ID_MASK})"  # a full-text row's case id

_QUOTES = re.compile(r'["\']')
_UNSEARCHABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_ASCII_WORD = re.compile(r"^[0-9A-Za-z\-]+$")


@functools.cache
def _cjk() -> re.Pattern[str]:  # compiled when first needed: this wide a class takes 5 ms, at start-up otherwise
    return re.compile(r"([\u2e80-\u9fff\uf900-\ufaff\U00020000-\U0003ffff])")


def spaced(text: str) -> str:
    """Make each CJK character a token of its own."""
    return " ".join(part for part in _cjk().split(text) if part)


def document(case_no: str, *parts: str, phone: str = "") -> str:
    return " ".join([case_no, *[p for p in parts if p], phone_tail(phone), number_words(case_no)]).strip().lower()


_DIGITS = re.compile(r"\d{3,}")


def number_words(case_no: str) -> str:
    """The case number's digit runs with every suffix of two digits or more (000123 → 00123 0123
    123 23): a fragment typed into the search box is then the start of a word, found through the
    index by a prefix query, not by reading every case number."""
    return " ".join(run[i:] for run in _DIGITS.findall(case_no) for i in range(1, len(run) - 1))


def reindex_all(progress=None) -> int:
    """Every case's search document written again (schema v23: documents learn number_words)."""
    ids = [cid for (cid,) in Case.select(Case.id).order_by(Case.id).tuples()]
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        rows = case_with_parts(Case.id, *DOCUMENT_PARTS).where(Case.id.in_(part)).tuples()
        store_documents([(row[0], document_of(row[1:])) for row in rows])
        if progress:
            progress(min(start + 500, len(ids)), len(ids))
    if not is_postgres() and ids:  # one index again, not the many pieces a rewrite leaves
        database.execute_sql("INSERT INTO case_search (case_search) VALUES ('optimize')")
    return len(ids)


# what a case's search document is made of (case_with_parts columns), the phone last
DOCUMENT_PARTS = (
    Case.case_no,
    Complainant.name,
    Complainant.agent_name,
    Business.name,
    Business.shop,
    Business.platform,
    Purchase.product,
    Purchase.brand,
    Purchase.model,
    Purchase.serial,
    Complaint.facts,
    Complaint.demand_note,
    Complainant.phone,
)


def document_of(parts: tuple) -> str:
    """The search document from the values of DOCUMENT_PARTS, in that order."""
    *words, phone = [p or "" for p in parts]
    return document(*words, phone=phone)


def _case_document(case_id: int) -> str:
    return document_of(case_with_parts(*DOCUMENT_PARTS).where(Case.id == case_id).tuples().get())


def reindex_devices() -> int:
    """Search documents that learn the serial/IMEI (schema v20): the cases that have one."""
    ids = [cid for (cid,) in Purchase.select(Purchase.case).where(Purchase.serial != "").tuples()]
    for start in range(0, len(ids), 500):
        store_documents([(cid, _case_document(cid)) for cid in ids[start : start + 500]])
    return len(ids)


def index_case(case_id: int) -> None:
    """Write the case's search document; call inside the transaction that changed it."""
    store_documents([(case_id, _case_document(case_id))])


def store_documents(rows: list[tuple[int, str]]) -> None:
    db = database.obj
    if not rows:
        return
    ids = [r[0] for r in rows]
    if is_postgres(db):
        later(
            "INSERT INTO case_search (case_id, body) VALUES "
            + ",".join(["(%s, %s)"] * len(rows))
            + " ON CONFLICT (case_id) DO UPDATE SET body = EXCLUDED.body",
            [v for r in rows for v in r],
        )
    else:
        if max(ids) > ID_MASK:
            raise DatabaseError("案件 {case} 超出本地搜索索引的编号范围（{most}）", case=max(ids), most=ID_MASK)
        marks = ",".join("?" * len(ids))
        db.execute_sql(
            f"DELETE FROM case_search WHERE rowid IN (SELECT key FROM search_key WHERE case_id IN ({marks}))", ids
        )
        db.execute_sql(
            f"INSERT OR REPLACE INTO search_key (case_id, key) SELECT id, {KEY_SQL} FROM complaint_case WHERE id IN ({marks})",
            ids,
        )
        db.execute_sql(
            "INSERT INTO case_search (rowid, body) SELECT k.key, v.column2 FROM (VALUES "
            + ",".join(["(?, ?)"] * len(rows))
            + ") AS v JOIN search_key AS k ON k.case_id = v.column1",
            [v for r in rows for v in (r[0], spaced(r[1]))],
        )


def terms(query: str) -> list[str]:
    """The words of the search box. Control characters and broken (surrogate) characters, pasted
    from somewhere, separate words like spaces: neither FTS5 nor PostgreSQL can take them."""
    text = _UNSEARCHABLE.sub(" ", _QUOTES.sub(" ", query or ""))
    return [t for t in text.lower().split() if t]


def fts_query(query: str) -> str | None:
    """SQLite: the FTS5 query the search box text asks (None on PostgreSQL, or nothing to ask)."""
    words = terms(query)
    if not words or is_postgres():
        return None
    phrases = []
    for w in words:
        tokens = spaced(w).split()
        phrase = '"' + " ".join(tokens) + '"'
        if _ASCII_WORD.match(tokens[-1]):
            phrase += "*"  # partial case numbers (number_words), model names
        phrases.append(phrase)
    return " AND ".join(phrases)


def is_phone(query: str) -> bool:
    """Whether the words read as a whole phone number (then its cases are found by its hash too)."""
    try:
        checks.phone("".join(terms(query)))
    except FieldError:
        return False
    return True


def keep_hits(query: str) -> int:
    """SQLite: the ids of the cases whose documents match, kept in a temporary table of this
    connection for the queries that follow (matching(kept=True)): the full-text index is read
    once for the count and the page, not once each; how many."""
    database.execute_sql("DROP TABLE IF EXISTS temp.search_hits")
    database.execute_sql("CREATE TEMP TABLE search_hits (id INTEGER PRIMARY KEY)")
    return database.execute_sql(
        f"INSERT INTO temp.search_hits (id) SELECT {CASE_OF_ROW} FROM case_search WHERE case_search MATCH ?",
        [fts_query(query)],
    ).rowcount


def newest(query: str, descending: bool, limit: int) -> tuple[str, list]:
    """SQLite: a subquery of the ids (`id`) of the `limit` matching cases received last (first, when
    ascending) as the index keeps them, with every other match received in the same second as the
    last of them: the index orders a second's cases by id, the register by the whole time, so the
    caller sorts these few again (exact, whatever fractions of a second the times carry)."""
    phrase = fts_query(query)
    order = "DESC" if descending else "ASC"
    sql = f"SELECT rowid FROM case_search WHERE case_search MATCH ? ORDER BY rowid {order} LIMIT 1 OFFSET ?"
    last = database.execute_sql(sql, [phrase, limit - 1]).fetchone()
    hits = f"SELECT {CASE_OF_ROW} AS id FROM case_search WHERE case_search MATCH ?"
    if last is None:  # fewer than a page: all of them
        return hits, [phrase]
    second = last[0] >> ID_BITS
    if descending:
        return hits + " AND rowid >= ?", [phrase, second << ID_BITS]
    return hits + " AND rowid < ?", [phrase, (second + 1) << ID_BITS]


def matching(query: str, id_field=None, kept: bool = False) -> Expression | None:
    """A WHERE condition for the search box text on a table keyed by case id, or None. `kept`:
    SQLite, the matches keep_hits() has just kept."""
    id_field = id_field or Case.id
    words = terms(query)
    if not words:
        return None
    if kept:
        return _or_phone(id_field.in_(SQL("(SELECT id FROM temp.search_hits)")), words, id_field)
    if is_postgres():
        hits, params, _ = pg_matches(query)
        return _or_phone(id_field.in_(SQL(f"({hits})", params)), words, id_field)
    cond = id_field.in_(SQL(f"(SELECT {CASE_OF_ROW} FROM case_search WHERE case_search MATCH ?)", [fts_query(query)]))
    return _or_phone(cond, words, id_field)


def _pg_where(words: list[str]) -> tuple[str, list]:
    """PostgreSQL: each word's pairs of characters through the GIN index (schema v23), and LIKE
    for the words the pairs do not settle: a two-character word is its own pair (the index's
    answer is exact), a one-character word has none, a longer one's pairs may be apart. LIKE, not
    ILIKE: documents and words are both lower case already, and ILIKE lowercases each document
    again (4× the time where every document is read)."""
    pairs = sorted({w[i : i + 2] for w in words for i in range(len(w) - 1)})
    likes = [_pattern(w) for w in words if len(w) != 2]
    where = ["grams @> %s::text[]"] * bool(pairs) + ["body LIKE %s"] * len(likes)
    return " AND ".join(where), ([pairs] if pairs else []) + likes


def pg_matches(query: str) -> tuple[str, list, list[str]]:
    """PostgreSQL: the case ids of the documents the search box text matches, as SQL through the
    pairs' index with its parameters, and each word as a LIKE pattern: the same test made on one
    document (the documents are lower case, as the words are)."""
    words = terms(query)
    where, params = _pg_where(words)
    return f"SELECT case_id FROM case_search WHERE {where}", params, [_pattern(w) for w in words]


def _pattern(word: str) -> str:
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def count_query(query: str) -> tuple[str, list]:
    """How many documents match the search box text, asked of the search index alone (raw SQL
    for db.together): the register's count where nothing else narrows the search."""
    if is_postgres():
        where, params = _pg_where(terms(query))
        return f"SELECT COUNT(*) FROM case_search WHERE {where}", params
    return "SELECT COUNT(*) FROM case_search WHERE case_search MATCH ?", [fts_query(query)]


def _or_phone(cond: Expression, words: list[str], id_field) -> Expression:
    """A whole phone number typed into the search box (spaced as read out, too): the cases of
    complainants with that number."""
    try:
        number = checks.phone("".join(words))
    except FieldError:
        return cond
    by_hash = (
        Case.select(Case.id)
        .join(Complainant, on=(Case.complainant == Complainant.id))
        .where(Complainant.phone_hash == salted_hash(number))
    )
    return cond | id_field.in_(by_hash)
