"""Sending an issued PDF to a printer as the document it is (issue 23). Where CUPS is the print
system (Linux, macOS) the archived bytes themselves go to the queue with `lp`: vector text, the
embedded fonts, true scale, a job titled with the document's number — what lands on paper is
what was sealed. Elsewhere (Windows) the window rasterises the pages itself (ui/pdf_view.py).

No Qt here: the command line and a test can print the same way the window does."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass

from app.errors import ComplaintDeskError

DUPLEX = {"none": "one-sided", "long": "two-sided-long-edge", "short": "two-sided-short-edge"}
_REQUEST = re.compile(r"request id is (\S+)")
TIMEOUT_S = 60


class PrintFailed(ComplaintDeskError):
    """The print system refused the job; the message says what it said."""


@dataclass(frozen=True)
class Job:
    printer: str  # the queue's name
    title: str  # what the queue shows: the document's number and title
    copies: int = 1
    duplex: str = "none"  # none, long, short
    pages: str = ""  # "1-2,4": empty for all


def cups_available() -> bool:
    """Whether jobs can go to CUPS as PDF: its `lp` on a system that is not Windows."""
    return sys.platform != "win32" and shutil.which("lp") is not None


def send(data: bytes, job: Job, server: str | None = None) -> str:
    """Queue the PDF as it is; returns the job id CUPS gave it. `server`: a CUPS server or socket
    other than the system's (tests run their own)."""
    if not job.printer:
        raise PrintFailed("请选择打印机")
    if job.duplex not in DUPLEX:
        raise PrintFailed("未知的双面方式：{duplex}", duplex=job.duplex)
    if not 1 <= job.copies <= 999:
        raise PrintFailed("份数应在 1 至 999 之间")
    command = ["lp", *(["-h", server] if server else [])]  # the server first: -d is looked up on it
    command += ["-d", job.printer, "-t", job.title, "-n", str(job.copies), "-o", f"sides={DUPLEX[job.duplex]}"]
    if job.pages:
        if not re.fullmatch(r"\d+(-\d+)?(,\d+(-\d+)?)*", job.pages):
            raise PrintFailed("页码范围应写成 1-2,4")
        command += ["-P", job.pages]
    command.append("-")  # the PDF on standard input: no temporary copy of the document on disk
    try:
        done = subprocess.run(command, input=data, capture_output=True, timeout=TIMEOUT_S, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise PrintFailed("打印系统没有响应：{detail}", detail=str(exc)) from None
    said = (done.stdout + done.stderr).decode("utf-8", "replace").strip()
    if done.returncode != 0:
        raise PrintFailed("打印机 {printer} 未接受打印：{detail}", printer=job.printer, detail=said or done.returncode)
    found = _REQUEST.search(said)
    return found.group(1) if found else ""
