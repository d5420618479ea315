"""A throwaway PostgreSQL server for the test session: initdb + pg_ctl in a temp dir.

initdb refuses to run as root, so as root the server runs as the `postgres` user. Connections
over TCP need a password (SCRAM), as on an office's server, so a login's password is really
checked; the superuser's is SUPERUSER_PASSWORD.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


def find_bindir() -> Path | None:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if candidates:
        return Path(candidates[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


SUPERUSER_PASSWORD = "throwaway-superuser"


@dataclass
class Server:
    bindir: Path
    folder: Path
    port: int
    prefix: list[str]
    options: str = ""

    @property
    def admin_url(self) -> str:
        return self.url("postgres")

    def url(self, dbname: str, user: str = "postgres", password: str = SUPERUSER_PASSWORD) -> str:
        from urllib.parse import quote

        return f"postgresql://{quote(user)}:{quote(password)}@127.0.0.1:{self.port}/{dbname}"

    def address(self, dbname: str) -> str:
        """The database's address without a login: what a seat is given."""
        return f"postgresql://127.0.0.1:{self.port}/{dbname}"

    def psql(self, dbname: str, user: str, password: str, sql: str) -> subprocess.CompletedProcess:
        """Run SQL as a login with the real psql client, as a person at a seat could."""
        env = {**os.environ, "PGPASSWORD": password, "PGCONNECT_TIMEOUT": "10"}
        return subprocess.run(
            [
                str(self.bindir / "psql"),
                "-X",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                user,
                "-d",
                dbname,
                "-At",
                "-c",
                sql,
            ],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )

    def restart(self) -> None:
        """As if the server machine rebooted: every open connection is cut."""
        ctl = [*self.prefix, str(self.bindir / "pg_ctl"), "-D", str(self.folder / "data")]
        subprocess.run([*ctl, "-m", "immediate", "-w", "stop"], capture_output=True, check=True)
        subprocess.run(
            [*ctl, "-o", self.options, "-l", str(self.folder / "log"), "-w", "start"], capture_output=True, check=True
        )

    def stop(self) -> None:
        subprocess.run(
            [
                *self.prefix,
                str(self.bindir / "pg_ctl"),
                "-D",
                str(self.folder / "data"),
                "-m",
                "immediate",
                "-w",
                "stop",
            ],
            capture_output=True,
        )
        shutil.rmtree(self.folder, ignore_errors=True)


def start() -> Server:
    bindir = find_bindir()
    if bindir is None:
        raise FileNotFoundError("no PostgreSQL binaries (initdb) on this machine")
    folder = Path(tempfile.mkdtemp(prefix="complaintdesk-pg-"))
    prefix: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
        prefix = ["runuser", "-u", "postgres", "--"]
    port = free_port()

    def run(*args: str) -> None:
        result = subprocess.run([*prefix, *args], capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(args[:1])} failed: {result.stderr or result.stdout}")

    pwfile = folder / "superuser-password"
    pwfile.write_text(SUPERUSER_PASSWORD + "\n")
    if prefix:
        shutil.chown(pwfile, "postgres", "postgres")
    run(
        str(bindir / "initdb"),
        "-D",
        str(folder / "data"),
        "-U",
        "postgres",
        "--auth-local=trust",
        "--auth-host=scram-sha-256",
        f"--pwfile={pwfile}",
        "-E",
        "UTF8",
        "--locale=C.UTF-8",
        "--no-sync",
    )
    options = (
        f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off "
        "-c full_page_writes=off -c synchronous_commit=off -c max_connections=60"
    )
    run(str(bindir / "pg_ctl"), "-D", str(folder / "data"), "-o", options, "-l", str(folder / "log"), "-w", "start")
    return Server(bindir, folder, port, prefix, options)
