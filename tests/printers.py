"""A CUPS server of the test run's own: its configuration, socket, spool and logs in a temporary
folder, one cups-pdf queue `pdfq`. The run's CUPS_SERVER points at its socket from the start (so
no test reaches the machine's real printers, and libcups, which reads the variable once, finds
this server when a printing test starts it)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(tempfile.mkdtemp(prefix="complaintdesk-cups-"))
SOCKET = ROOT / "run" / "cups.sock"
QUEUE = "pdfq"
PPD = "/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd"


def missing() -> str:
    """Why this machine cannot run the server ("" when it can)."""
    if not (shutil.which("cupsd") and shutil.which("lpadmin") and os.path.exists("/usr/lib/cups/backend/cups-pdf")):
        return "CUPS and printer-driver-cups-pdf are not installed (scripts/system-deps test installs them)"
    if os.geteuid() != 0:
        return "cups-pdf runs its backend as root: run the tests as root to print through it"
    return ""


@dataclass
class Server:
    process: subprocess.Popen
    page_log: Path
    spool: Path

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
        shutil.rmtree(ROOT, ignore_errors=True)


def start() -> Server:
    ROOT.chmod(0o755)  # filters run as `lp`: they must reach the spool
    for folder in ("spool/tmp", "cache", "log", "run", "state"):
        (ROOT / folder).mkdir(parents=True, exist_ok=True)
    (ROOT / "cupsd.conf").write_text(
        f"Listen {SOCKET}\nLogLevel warn\nWebInterface No\nBrowsing No\n"
        'PageLogFormat "%p %j %{job-name}"\nPreserveJobFiles Yes\n'
        "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
        "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n"
    )
    (ROOT / "cups-files.conf").write_text(
        f"ServerRoot {ROOT}\nRequestRoot {ROOT}/spool\nCacheDir {ROOT}/cache\nStateDir {ROOT}/state\n"
        f"TempDir {ROOT}/spool/tmp\nAccessLog {ROOT}/log/access_log\nErrorLog {ROOT}/log/error_log\n"
        f"PageLog {ROOT}/log/page_log\nServerBin /usr/lib/cups\nDataDir /usr/share/cups\nSandboxing Relaxed\n"
    )
    process = subprocess.Popen(
        ["cupsd", "-f", "-c", str(ROOT / "cupsd.conf"), "-s", str(ROOT / "cups-files.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(200):
        if SOCKET.exists():
            break
        time.sleep(0.05)
    model = ["-P", PPD] if os.path.exists(PPD) else ["-m", "raw"]
    subprocess.run(
        ["lpadmin", "-h", str(SOCKET), "-p", QUEUE, "-E", "-v", "cups-pdf:/", *model], check=True, capture_output=True
    )
    return Server(process, ROOT / "log" / "page_log", ROOT / "spool")
