"""On a shared PostgreSQL database the server itself is the security boundary, not the window.

Two layers, both here:

- **Functions every PostgreSQL database gets** (schema v12): seats append to the audit trail
  through `cd_audit_append` (the server computes the hash chain and, on a secured database,
  writes the signed-in person as the actor), read full personal numbers only through
  `cd_reveal` (which writes the reveal to the audit in the same statement) and hash a phone or
  ID number through `cd_personal_hash` (the salt never leaves the server).
- **`secure()`**, run once by the office's database administrator (a PostgreSQL superuser):
  every table and function then belongs to an owner role nobody signs in as; each program role
  (登记员, 经办人 …) becomes a group role holding the grants of app/permissions.py; each person
  signs in with their own PostgreSQL login (SCRAM password), created and disabled by the
  program's 用户管理 through functions that check the caller's role. A seat may INSERT into
  the audit only through the function and can never UPDATE, DELETE, TRUNCATE or ALTER it.

docs/SECURITY.md says what this protects against whom.
"""

from __future__ import annotations

import psycopg2.extensions
from peewee import Database

from app import permissions
from app.db import is_postgres
from app.models import database

# a PostgreSQL login's app_user row carries this instead of a password hash: the server keeps the password
SERVER_PASSWORD = "postgresql"

# what a seat may change, by the actions that change it
CASE_WRITERS = {
    "case.intake",
    "case.edit",
    "case.transition",
    "case.decide_refusal",
    "case.assign",
    "case.record",
    "document.issue",
    "evidence.add",
    "evidence.remove",
    "import",
}
OFFICE_TABLES = ("setting", "calendar_day", "calendar_year")
# what the office undertakes against the causes of complaints: written by who heads the work
SUPERVISOR_TABLES = ("improvement_action",)
# never granted wholesale: the functions above stand between a seat and these
GUARDED_TABLES = ("audit_entry", "app_user", "personal_numbers", "schema_version", "cd_role_action")

_FUNCTIONS = r"""
-- which group role may do which action (app/permissions.py's matrix); empty until secure()
CREATE TABLE IF NOT EXISTS cd_role_action (grp varchar(80) NOT NULL, action varchar(40) NOT NULL, PRIMARY KEY (grp, action));

CREATE OR REPLACE FUNCTION cd_may(p_action text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    -- before secure(): every seat shares one role and the program checks the matrix
    SELECT NOT EXISTS (SELECT 1 FROM cd_role_action)
        OR EXISTS (SELECT 1 FROM cd_role_action r WHERE r.action = p_action AND pg_has_role(session_user, r.grp, 'MEMBER'))
        OR NOT EXISTS (SELECT 1 FROM cd_role_action r WHERE pg_has_role(session_user, r.grp, 'MEMBER'))
           AND (SELECT rolsuper FROM pg_roles WHERE rolname = session_user)
$$;

CREATE OR REPLACE FUNCTION cd_person() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT display_name FROM app_user WHERE username = session_user AND password_hash = 'postgresql'
$$;

CREATE OR REPLACE FUNCTION cd_audit_append(p_at timestamp, p_actor text, p_action text, p_case_no text, p_detail text)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    prev text;
    who text := coalesce(cd_person(), p_actor, '');
    at timestamp := date_trunc('second', p_at);
    new_id integer;
BEGIN
    -- one writer at a time, held to the end of the caller's transaction: two seats never fork the chain
    LOCK TABLE audit_entry IN EXCLUSIVE MODE;
    SELECT hash INTO prev FROM audit_entry ORDER BY id DESC LIMIT 1;
    prev := coalesce(prev, repeat('0', 64));
    -- the same JSON text app/audit.py hashes: ["prev","2026-11-23 10:00:00","actor","action","case_no","detail"]
    INSERT INTO audit_entry (at, actor, action, case_no, detail, prev_hash, hash)
    VALUES (at, who, p_action, coalesce(p_case_no, ''), coalesce(p_detail, ''), prev,
            encode(sha256(convert_to('[' || to_json(prev)::text || ',' || to_json(to_char(at, 'YYYY-MM-DD HH24:MI:SS'))::text
                || ',' || to_json(who)::text || ',' || to_json(p_action)::text || ',' || to_json(coalesce(p_case_no, ''))::text
                || ',' || to_json(coalesce(p_detail, ''))::text || ']', 'UTF8')), 'hex'))
    RETURNING id INTO new_id;
    RETURN new_id;
END $$;

CREATE OR REPLACE FUNCTION cd_audit_head() RETURNS TABLE (id integer, hash text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT a.id, a.hash::text FROM audit_entry a ORDER BY a.id DESC LIMIT 1
$$;

CREATE OR REPLACE FUNCTION cd_audit_hash(p_id integer) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT a.hash::text FROM audit_entry a WHERE a.id = p_id
$$;

CREATE OR REPLACE FUNCTION cd_personal_hash(p_values text[]) RETURNS text[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT coalesce(array_agg(CASE WHEN v = '' THEN '' ELSE
               encode(sha256(convert_to(coalesce((SELECT value FROM setting WHERE key = 'hash_salt'), '') || v, 'UTF8')), 'hex')
           END ORDER BY n), '{}')
    FROM unnest(p_values) WITH ORDINALITY AS t(v, n)
$$;

CREATE OR REPLACE FUNCTION cd_reveal(p_case_ids integer[], p_purpose text, p_at timestamp)
RETURNS TABLE (case_id integer, phone text, id_number text, agent_phone text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    shown text[];
    one text;
BEGIN
    IF NOT cd_may(CASE WHEN p_purpose = 'export' THEN 'export.full' ELSE 'personal.reveal' END) THEN
        RAISE EXCEPTION 'permission denied: % may not read full personal numbers', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_purpose = 'export' THEN
        PERFORM cd_audit_append(p_at, NULL, 'personal.export', '',
                                json_build_object('cases', cardinality(p_case_ids))::text);
    ELSE
        SELECT c.case_no INTO one FROM complaint_case c WHERE c.id = p_case_ids[1];
        SELECT array_remove(ARRAY[CASE WHEN n.phone <> '' THEN 'complainant.phone' END,
                                  CASE WHEN n.id_number <> '' THEN 'complainant.id_number' END,
                                  CASE WHEN n.agent_phone <> '' THEN 'complainant.agent_phone' END], NULL)
          INTO shown
          FROM complaint_case c JOIN personal_numbers n ON n.complainant_id = c.complainant_id
         WHERE c.id = p_case_ids[1];
        PERFORM cd_audit_append(p_at, NULL, 'personal.reveal', coalesce(one, ''),
                                json_build_object('fields', coalesce(shown, '{}'), 'for', p_purpose)::text);
    END IF;
    RETURN QUERY SELECT c.id, n.phone::text, n.id_number::text, n.agent_phone::text
                   FROM complaint_case c JOIN personal_numbers n ON n.complainant_id = c.complainant_id
                  WHERE c.id = ANY(p_case_ids);
END $$;
"""

FUNCTION_NAMES = (
    "cd_may(text)",
    "cd_person()",
    "cd_audit_append(timestamp, text, text, text, text)",
    "cd_audit_head()",
    "cd_audit_hash(integer)",
    "cd_personal_hash(text[])",
    "cd_reveal(integer[], text, timestamp)",
    "cd_bigrams(text)",  # fills case_search.grams (schema v23) for whoever writes a search document
    "cd_note_figures()",  # the triggers that note a changed month's figures (schema v24)
    "cd_note_phone_figures()",
)


def install_functions(db: Database) -> None:
    """Schema v12 on PostgreSQL (owned by whoever migrates; secure() hands them to the owner role)."""
    _run_script(db, _FUNCTIONS)


def _run_script(db: Database, sql: str) -> None:
    db.execute_sql(sql.replace("%", "%%"))  # no parameters, but the driver still reads % signs


# --- secured databases -----------------------------------------------------------------------


def prefix(db: Database | None = None) -> str:
    db = db or database.obj
    return db.execute_sql("SELECT current_database()").fetchone()[0]


def owner_role(db: Database | None = None) -> str:
    return f"{prefix(db)}_owner"


def group_role(role: str, db: Database | None = None) -> str:
    return f"{prefix(db)}_{role}"


def is_secured(db: Database | None = None) -> bool:
    """Whether the open database's tables belong to its owner role (after secure())."""
    db = db or database.obj
    if db is None or not is_postgres(db):
        return False
    cached = getattr(db, "_secured", None)
    if cached is None:
        _ask_who(db)
        cached = db._secured
    return cached


def _ask_who(db: Database) -> None:
    """Whether the database is secured, and who the server signed in, in one round trip (the
    table's rows are asked through query_to_xml, which runs only where the table exists)."""
    secured, login = db.execute_sql("""
        SELECT CASE WHEN to_regclass('public.cd_role_action') IS NULL THEN false
                    ELSE (xpath('/row/e/text()', query_to_xml(
                        'SELECT EXISTS (SELECT 1 FROM cd_role_action) AS e', false, true, '')))[1]::text::boolean
               END,
               session_user""").fetchone()
    db._secured, db._session_login = bool(secured), login


def session_login(db: Database | None = None) -> str:
    db = db or database.obj
    if getattr(db, "_session_login", None) is None:
        _ask_who(db)
    return db._session_login


def may_change_schema(db: Database) -> bool:
    """A superuser, or a member of the owner role: who may migrate and secure."""
    row = db.execute_sql("SELECT rolsuper FROM pg_roles WHERE rolname = session_user").fetchone()
    if row and row[0]:
        return True
    row = db.execute_sql(
        "SELECT pg_has_role(session_user, %s, 'MEMBER') FROM pg_roles WHERE rolname = %s",
        (owner_role(db), owner_role(db)),
    ).fetchone()
    return bool(row and row[0])


def verifier(password: str, username: str) -> str:
    """The SCRAM-SHA-256 verifier of a password, computed here: the password itself never
    reaches the server's statement log."""
    conn = database.obj.connection()
    return psycopg2.extensions.encrypt_password(password, username, conn, "scram-sha-256")


def _login_functions(db: Database) -> str:
    groups = ", ".join(f"'{r}'" for r in permissions.ROLES)
    pre = prefix(db)
    return rf"""
CREATE OR REPLACE FUNCTION cd_create_login(p_username text, p_display text, p_role text, p_verifier text, p_at timestamp)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT cd_may('users.manage') THEN
        RAISE EXCEPTION 'permission denied: % may not manage users', session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_role NOT IN ({groups}) THEN
        RAISE EXCEPTION 'unknown role %', p_role USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_username) OR EXISTS (SELECT 1 FROM app_user WHERE username = p_username) THEN
        RAISE EXCEPTION 'login % exists', p_username USING ERRCODE = 'duplicate_object';
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', p_username, p_verifier, '{pre}_' || p_role);
    INSERT INTO app_user (username, display_name, role, password_hash, failed, active, created_at)
    VALUES (p_username, p_display, p_role, 'postgresql', 0, true, date_trunc('second', p_at));
    PERFORM cd_audit_append(p_at, NULL, 'user.created', '', json_build_object('role', p_role, 'username', p_username)::text);
END $$;

CREATE OR REPLACE FUNCTION cd_set_login_active(p_username text, p_active boolean, p_at timestamp)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT cd_may('users.manage') THEN
        RAISE EXCEPTION 'permission denied: % may not manage users', session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM app_user WHERE username = p_username AND password_hash = 'postgresql') THEN
        RAISE EXCEPTION 'no login % of this office', p_username USING ERRCODE = 'undefined_object';
    END IF;
    EXECUTE format('ALTER ROLE %I %s', p_username, CASE WHEN p_active THEN 'LOGIN' ELSE 'NOLOGIN' END);
    UPDATE app_user SET active = p_active WHERE username = p_username;
    IF NOT p_active THEN
        PERFORM pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = p_username AND pid <> pg_backend_pid();
    END IF;
    PERFORM cd_audit_append(p_at, NULL, CASE WHEN p_active THEN 'user.enabled' ELSE 'user.disabled' END, '',
                            json_build_object('username', p_username)::text);
END $$;

CREATE OR REPLACE FUNCTION cd_set_password(p_username text, p_verifier text, p_at timestamp)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF p_username <> session_user AND NOT cd_may('users.manage') THEN
        RAISE EXCEPTION 'permission denied: % may not set the password of %', session_user, p_username
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM app_user WHERE username = p_username AND password_hash = 'postgresql') THEN
        RAISE EXCEPTION 'no login % of this office', p_username USING ERRCODE = 'undefined_object';
    END IF;
    EXECUTE format('ALTER ROLE %I PASSWORD %L', p_username, p_verifier);
    PERFORM cd_audit_append(p_at, NULL, 'user.password', '', json_build_object('username', p_username)::text);
END $$;
"""


LOGIN_FUNCTION_NAMES = (
    "cd_create_login(text, text, text, text, timestamp)",
    "cd_set_login_active(text, boolean, timestamp)",
    "cd_set_password(text, text, timestamp)",
)


def secure(db: Database) -> None:
    """Turn the open database into a secured one (idempotent: run again after an upgrade or a
    restore). Needs a PostgreSQL superuser; one transaction, so it happens whole or not at all."""
    if not may_change_schema(db):
        raise permissions.PermissionDenied("只有 PostgreSQL 超级用户（数据库管理员）能为数据库设置分角色账户")
    owner = owner_role(db)
    groups = {role: group_role(role, db) for role in permissions.ROLES}
    with db.atomic():
        for name in (owner, *groups.values()):
            if not db.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone():
                db.execute_sql(f'CREATE ROLE "{name}" NOLOGIN')
        db.execute_sql(f'ALTER ROLE "{owner}" NOLOGIN CREATEROLE')
        db.execute_sql(f'GRANT pg_signal_backend TO "{owner}"')
        # PostgreSQL 16 and later: the owner grants group membership only with ADMIN on the groups
        for group in groups.values():
            db.execute_sql(f'GRANT "{group}" TO "{owner}" WITH ADMIN OPTION')
        db.execute_sql("DELETE FROM cd_role_action")
        for role, actions in permissions.MATRIX.items():
            for action in sorted(actions):
                db.execute_sql("INSERT INTO cd_role_action (grp, action) VALUES (%s, %s)", (groups[role], action))
        _run_script(db, _login_functions(db))
        tables = [
            r[0] for r in db.execute_sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").fetchall()
        ]
        for table in tables:
            db.execute_sql(f'ALTER TABLE public."{table}" OWNER TO "{owner}"')
        for function in (*FUNCTION_NAMES, *LOGIN_FUNCTION_NAMES, "audit_entry_is_append_only()"):
            db.execute_sql(f'ALTER FUNCTION {function} OWNER TO "{owner}"')
        _grant(db, tables, owner, groups)
        db._secured = True


def _grant(db: Database, tables: list[str], owner: str, groups: dict[str, str]) -> None:
    every = ", ".join(f'"{g}"' for g in groups.values())
    db.execute_sql(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC, {every}")
    db.execute_sql(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM PUBLIC, {every}")
    db.execute_sql(f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC, {every}")
    db.execute_sql("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    db.execute_sql(f"GRANT USAGE ON SCHEMA public TO {every}")
    for function in FUNCTION_NAMES + LOGIN_FUNCTION_NAMES:  # each checks the caller's role itself
        db.execute_sql(f"GRANT EXECUTE ON FUNCTION {function} TO {every}")
    readable = [t for t in tables if t not in ("audit_entry", "personal_numbers")]
    case_tables = [t for t in tables if t not in (*GUARDED_TABLES, *OFFICE_TABLES, *SUPERVISOR_TABLES)]
    for role, group in groups.items():
        actions = permissions.MATRIX[role]
        db.execute_sql(f'GRANT SELECT ON {_names(readable)} TO "{group}"')
        if actions & CASE_WRITERS:
            db.execute_sql(f'GRANT INSERT, UPDATE, DELETE ON {_names(case_tables)} TO "{group}"')
            db.execute_sql(f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "{group}"')
            # writing a number is not reading one: only the key is visible, for the UPDATE's WHERE
            db.execute_sql(f'GRANT INSERT, UPDATE (phone, id_number, agent_phone) ON personal_numbers TO "{group}"')
            db.execute_sql(f'GRANT SELECT (complainant_id) ON personal_numbers TO "{group}"')
        if "improvement.record" in actions:
            db.execute_sql(f'GRANT INSERT, UPDATE ON {_names(SUPERVISOR_TABLES)} TO "{group}"')
            db.execute_sql(f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "{group}"')
        if actions & {"settings.office", "settings.calendar"}:
            db.execute_sql(f'GRANT INSERT, UPDATE, DELETE ON {_names(OFFICE_TABLES)} TO "{group}"')
        if "audit.view" in actions or "database.backup" in actions:
            db.execute_sql(f'GRANT SELECT ON audit_entry TO "{group}"')
        if "database.backup" in actions:  # a backup holds everything; who takes one can read it whole
            db.execute_sql(f'GRANT SELECT ON personal_numbers TO "{group}"')
    # the salt of the personal-number hashes stays on the server, except for who takes backups
    db.execute_sql("ALTER TABLE setting ENABLE ROW LEVEL SECURITY")
    db.execute_sql("DROP POLICY IF EXISTS seats_read ON setting")
    db.execute_sql("DROP POLICY IF EXISTS office_writes ON setting")
    db.execute_sql(f"CREATE POLICY seats_read ON setting FOR SELECT TO {every} USING (key <> 'hash_salt')")
    writers = [g for r, g in groups.items() if permissions.MATRIX[r] & {"settings.office", "database.backup"}]
    db.execute_sql(
        f"CREATE POLICY office_writes ON setting FOR ALL TO {_names(writers)} USING (true) WITH CHECK (true)"
    )
    db.execute_sql(f'ALTER DEFAULT PRIVILEGES FOR ROLE "{owner}" REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC')


def _names(tables) -> str:
    return ", ".join(f'"{t}"' for t in tables)
