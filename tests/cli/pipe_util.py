"""Shared by the CLI tests that drive whosaid through pipes (streaming.py, per_document.py):
the hang guard, failure collection and a line reader with a deadline."""
import os
import select
import sys
import time

# A hang guard, not a speed limit: seconds to wait for a line that should come at once. No
# check depends on how fast the machine is; a busy machine only makes the tests slower.
LIMIT = int(os.environ.get("WHOSAID_TEST_TIMEOUT", "600"))
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what, file=sys.stderr)


def read_line(proc, timeout):
    """One line of proc's stdout, or None when nothing arrives within `timeout` seconds."""
    deadline = time.time() + timeout
    buf = b""
    fd = proc.stdout.fileno()
    while time.time() < deadline:
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.time()))
        if not ready:
            break
        ch = os.read(fd, 1)
        if not ch:
            return buf.decode() if buf else None
        if ch == b"\n":
            return buf.decode()
        buf += ch
    return None
