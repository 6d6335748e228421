"""Starts `whosaid serve` on 127.0.0.1, on a port the system picks, for the serve tests.

Waits by polling with generous limits (a busy machine or an ASan build is slow); nothing
here depends on how fast the machine is.
"""
import http.client
import json
import os
import re
import subprocess
import time

START_LIMIT = 600  # seconds: only a server that never starts reaches it


class Server:
    def __init__(self, binary, *args, cwd=None):
        self.proc = subprocess.Popen(
            [binary, "serve", "--host", "127.0.0.1", "--port", "0", *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd, text=True)
        line = self.proc.stdout.readline()  # blocks until the server has bound its port
        m = re.search(r"listening on http://127\.0\.0\.1:(\d+)/", line)
        if not m:
            self.proc.kill()
            raise RuntimeError("no 'listening on' line: %r; stderr: %s"
                               % (line, self.proc.stderr.read()))
        self.port = int(m.group(1))
        self.base = "http://127.0.0.1:%d" % self.port

    def request(self, method, path, body=None, headers=None, timeout=START_LIMIT):
        """(status, headers dict with lower-case names, body bytes)"""
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            if isinstance(body, str):
                body = body.encode("utf-8")
            c.request(method, path, body=body, headers=headers or {})
            r = c.getresponse()
            data = r.read()
            return r.status, {k.lower(): v for k, v in r.getheaders()}, data
        finally:
            c.close()

    def json(self, method, path, body=None, headers=None):
        status, hdrs, data = self.request(method, path, body, headers)
        return status, json.loads(data)

    def wait_until(self, predicate, what, limit=START_LIMIT):
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            if predicate():
                return
            time.sleep(0.05)
        raise AssertionError("gave up waiting for " + what)

    def stop(self, signal=True):
        """SIGTERM (unless sent already); returns (exit code, stderr)."""
        if signal and self.proc.poll() is None:
            self.proc.terminate()
        try:
            rc = self.proc.wait(timeout=START_LIMIT)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            rc = self.proc.wait()
        return rc, self.proc.stderr.read()
