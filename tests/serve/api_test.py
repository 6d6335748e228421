#!/usr/bin/env python3
"""The web service's API contract: every endpoint and every error, records byte-identical
to the CLI's, a concurrent ingest plus search, a full queue, slow clients, SIGTERM.

    api_test.py BUILD/whosaid     (run from the source tree; python3 stdlib only)
"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_lib import Server  # noqa: E402

BIN = os.path.abspath(sys.argv[1])
EXAMPLES = sorted("examples/" + f for f in os.listdir("examples") if f.endswith(".txt"))
failures = []


def check(what, ok, detail=""):
    if not ok:
        failures.append(what)
        print("FAIL: %s %s" % (what, detail[:2000]))


def cli(*args, stdin=None):
    r = subprocess.run([BIN, *args], input=stdin, capture_output=True)
    assert r.returncode in (0, 1), (args, r.stderr)
    return r.stdout


def q(**params):
    return "?" + urllib.parse.urlencode(params) if params else ""


def raw_post_start(port, path, total, sent):
    """A POST whose body is `total` bytes long, of which `sent` are sent: a slow upload."""
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(("POST %s HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
               "Content-Length: %d\r\n\r\n" % (path, total)).encode() + b"x" * sent)
    return s


def read_response(s, limit=600):
    s.settimeout(limit)
    data = b""
    while True:
        try:
            chunk = s.recv(65536)
        except (ConnectionResetError, socket.timeout):
            break
        if not chunk:
            break
        data += chunk
        head, sep, body = data.partition(b"\r\n\r\n")
        if sep:
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:") and \
                        len(body) >= int(line.split(b":")[1]):
                    return data
    return data


def in_flight(server):
    return server.json("GET", "/v1/health")[1]["in_flight"]


def main():
    tmp = tempfile.mkdtemp()
    db = os.path.join(tmp, "quotes.sqlite")
    server = Server(BIN, "--db", db, "-j", "2", "--queue", "0", "--max-body", "64KB",
                    "--read-timeout", "1", "--cors", "https://desk.example.org")
    try:
        run(server, tmp, db)
    finally:
        rc, stderr = server.stop()
    check("SIGTERM: exit code 0", rc == 0, stderr[-2000:])
    check("access log on stderr", '"POST /v1/extract' in stderr, stderr[-500:])
    sigterm_in_flight()
    endless_body()
    if failures:
        print("%d failure(s)" % len(failures))
        return 1
    print("ok")
    return 0


def run(server, tmp, db):
    # --- a second server on the same port does not start ---
    second = subprocess.run([BIN, "serve", "--host", "127.0.0.1", "--port", str(server.port)],
                            capture_output=True, text=True, timeout=600)
    check("port in use: exit code 2", second.returncode == 2 and "cannot listen" in second.stderr,
          "%s %s" % (second.returncode, second.stderr))

    # --- health, version, openapi, the page ---
    status, health = server.json("GET", "/v1/health")
    check("health", status == 200 and health["status"] == "ok" and health["database"], str(health))
    status, version = server.json("GET", "/v1/version")
    check("version", status == 200 and version["name"] == "whosaid" and
          len(version["rules_sha256"]) == 64, str(version))
    status, api = server.json("GET", "/v1/openapi.json")
    check("openapi", status == 200 and all(p in api["paths"] for p in [
        "/v1/extract", "/v1/health", "/v1/version", "/v1/search", "/v1/speakers", "/v1/quotes",
        "/v1/ingest"]))
    status, hdrs, page = server.request("GET", "/")
    check("page", status == 200 and hdrs["content-type"].startswith("text/html") and
          b'"database":true' in page and b"<script" in page)

    # --- extract: the CLI's records, byte for byte ---
    for path in EXAMPLES:
        text = open(path, "rb").read()
        status, hdrs, body = server.request("POST", "/v1/extract" + q(id=path), text,
                                            {"Content-Type": "text/plain"})
        check("extract %s: jsonl as the CLI" % path,
              status == 200 and body == cli(path) and
              hdrs["content-type"] == "application/x-ndjson", body[:300].decode())
    path = EXAMPLES[0]
    text = open(path, "rb").read()
    for accept, flag in [("application/json", "json"), ("text/csv", "csv")]:
        status, hdrs, body = server.request("POST", "/v1/extract" + q(id=path), text,
                                            {"Accept": accept})
        check("extract as " + accept, status == 200 and body == cli("--format", flag, path))
    status, _, body = server.request(
        "POST", "/v1/extract" + q(id=path, explain=1, per_document=1, all_marks=1, indirect=0),
        text)
    check("extract options as the CLI's flags", status == 200 and body == cli(
        "--explain", "--per-document", "--all-marks", "--no-indirect", path))
    stories = "".join(json.dumps({"id": p, "text": open(p, encoding="utf-8").read(),
                                  "outlet": "Example"}) + "\n" for p in EXAMPLES)
    status, _, body = server.request("POST", "/v1/extract", stories,
                                      {"Content-Type": "application/x-ndjson"})
    check("extract JSON Lines as --input jsonl",
          status == 200 and body == cli("--input", "jsonl", stdin=stories.encode()))
    one = json.dumps({"id": "one", "text": open(path, encoding="utf-8").read()}, indent=2)
    status, _, body = server.request("POST", "/v1/extract", one,
                                     {"Content-Type": "application/json"})
    check("extract one JSON object", status == 200 and body == cli(
        "--input", "jsonl", stdin=(json.dumps(json.loads(one)) + "\n").encode()))

    # --- errors: 4xx with a JSON body naming the problem ---
    def error(method, path, body=None, headers=None):
        status, hdrs, data = server.request(method, path, body, headers)
        try:
            return status, json.loads(data)
        except ValueError:
            return status, {"raw": data.decode("utf-8", "replace")}

    status, e = error("POST", "/v1/extract", b"ab\ncd\xff ef")
    check("invalid UTF-8: 400 with the byte offset", status == 400 and
          e["error"] == "invalid_utf8" and e["byte_offset"] == 5 and "byte 5" in e["message"], str(e))
    status, e = error("POST", "/v1/extract", '{"text": "a"}\n{"text": \n',
                      {"Content-Type": "application/x-ndjson"})
    check("malformed JSON: 400 with the line", status == 400 and e["error"] == "malformed_json"
          and e["line"] == 2 and "line 2" in e["message"], str(e))
    status, e = error("POST", "/v1/extract", '{"id": "x"}', {"Content-Type": "application/json"})
    check("no text: 400", status == 400 and e["error"] == "invalid_document", str(e))
    status, e = error("POST", "/v1/extract?explian=1", "x")
    check("unknown option: 400 naming it", status == 400 and e["error"] == "invalid_option" and
          "explian" in e["message"], str(e))
    status, e = error("GET", "/v1/search?q=x&bogus=1")
    check("unknown search option: 400", status == 400 and "bogus" in e["message"], str(e))
    status, e = error("GET", "/v1/search?since=last+week")
    check("bad date: 400", status == 400 and "YYYY-MM-DD" in e["message"], str(e))
    status, e = error("GET", "/v1/search")
    check("nothing to search: 400", status == 400, str(e))
    status, e = error("GET", "/v1/quotes")
    check("quotes without speaker or doc: 400", status == 400, str(e))
    status, e = error("POST", "/v1/extract", "x", {"Accept": "text/html"})
    check("nothing acceptable: 406", status == 406 and e["error"] == "not_acceptable", str(e))
    status, e = error("POST", "/v1/extract", "x", {"Content-Type": "image/png"})
    check("unknown body type: 415", status == 415, str(e))
    status, e = error("POST", "/v1/extract?per_document=1", "x", {"Accept": "text/csv"})
    check("per_document with CSV: 400", status == 400, str(e))
    status, e = error("GET", "/v1/nowhere")
    check("unknown path: 404", status == 404 and e["error"] == "not_found", str(e))
    status, e = error("GET", "/v1/extract")
    check("wrong method: 405", status == 405, str(e))
    status, e = error("POST", "/v1/extract", b"x" * (65 * 1024))
    check("body over --max-body: 413", status == 413 and e["error"] == "body_too_large", str(e))
    status, _, _ = server.request("GET", "/v1/health")
    check("the server lives on after a 413", status == 200)

    # --- CORS ---
    status, hdrs, _ = server.request("GET", "/v1/health",
                                     headers={"Origin": "https://desk.example.org"})
    check("CORS: the allowed origin", hdrs.get("access-control-allow-origin") ==
          "https://desk.example.org", str(hdrs))
    status, hdrs, _ = server.request("GET", "/v1/health", headers={"Origin": "https://evil.example"})
    check("CORS: another origin gets no grant", "access-control-allow-origin" not in hdrs)
    status, hdrs, _ = server.request("OPTIONS", "/v1/extract", headers={
        "Origin": "https://desk.example.org", "Access-Control-Request-Method": "POST"})
    check("CORS preflight", status == 204 and "POST" in hdrs.get("access-control-allow-methods", ""))

    # --- a full queue: 503 with Retry-After (-j 2 --queue 0: two requests at a time) ---
    held = [raw_post_start(server.port, "/v1/extract?id=held", 20, 5) for _ in range(2)]
    server.wait_until(lambda: in_flight(server) == 2, "two requests in flight")
    status, hdrs, body = server.request("POST", "/v1/extract", "x")
    check("full queue: 503 with Retry-After", status == 503 and hdrs.get("retry-after") == "1" and
          json.loads(body)["error"] == "busy", "%s %s" % (status, hdrs))
    for s in held:
        s.sendall(b"y" * 15)
    for s in held:
        resp = read_response(s)
        check("held requests complete", resp.startswith(b"HTTP/1.1 200"), resp[:200].decode())
        s.close()
    server.wait_until(lambda: in_flight(server) == 0, "the queue to empty")

    # --- slow clients are cut off (--read-timeout 1) ---
    s = raw_post_start(server.port, "/v1/extract", 1000, 10)
    resp = read_response(s)
    s.close()
    check("a stalled upload is cut off", not resp.startswith(b"HTTP/1.1 200"), resp[:200].decode())
    s = socket.create_connection(("127.0.0.1", server.port))
    s.sendall(b"GET /v1/health HTTP/1.1\r\nHo")
    resp = read_response(s)
    s.close()
    check("stalled headers are cut off", not resp.startswith(b"HTTP/1.1 200"), resp[:200].decode())
    server.wait_until(lambda: in_flight(server) == 0, "the cut-off requests to leave")

    # --- the database: a concurrent ingest and search ---
    errors = []
    done = threading.Event()

    def ingest(paths):
        for p in paths:
            for _ in range(1000):  # 503 means come back after Retry-After
                status, hdrs, body = server.request("POST", "/v1/ingest" + q(id=p),
                                                    open(p, "rb").read())
                if status != 503:
                    break
                time.sleep(float(hdrs.get("retry-after", "1")))
            if status != 200:
                errors.append("ingest %s: %s %s" % (p, status, body[:200]))

    def search():
        n = 0
        while not done.is_set() or n == 0:
            for path in ["/v1/search?q=the", "/v1/speakers", "/v1/search?q=pipe*"]:
                status, _, body = server.request("GET", path)
                if status != 200:
                    errors.append("%s: %s %s" % (path, status, body[:200]))
            n += 1

    writers = [threading.Thread(target=ingest, args=(EXAMPLES[i::2],)) for i in range(2)]
    readers = [threading.Thread(target=search) for _ in range(2)]
    for t in writers + readers:
        t.start()
    for t in writers:
        t.join()
    done.set()
    for t in readers:
        t.join()
    check("concurrent ingest and search: all answered", not errors, "; ".join(errors))
    status, counts = server.json("POST", "/v1/ingest" + q(id=EXAMPLES[0]), open(EXAMPLES[0], "rb").read())
    check("re-ingest counts unchanged", status == 200 and counts["unchanged"] == 1 and
          counts["database"]["documents"] == len(EXAMPLES), str(counts))

    def db_cli(*args):
        return cli("db", args[0], "--db", db, *args[1:])

    status, _, body = server.request("GET", "/v1/search" + q(q="pipe*", speaker="hannah cole"))
    check("search as db search", status == 200 and body == db_cli(
        "search", "pipe*", "--speaker", "hannah cole"), body[:300].decode())
    status, _, body = server.request("GET", "/v1/search" + q(q='"two numbers"'),
                                     headers={"Accept": "text/plain"})
    check("search as text", status == 200 and body == db_cli(
        "search", '"two numbers"', "--format", "text"))
    status, _, body = server.request("GET", "/v1/speakers", headers={"Accept": "text/csv"})
    check("speakers as db speakers", status == 200 and body == db_cli("speakers", "--format", "csv"))
    status, _, body = server.request("GET", "/v1/quotes" + q(speaker="rosa delgado"))
    check("quotes as db quotes", status == 200 and body == db_cli(
        "quotes", "--speaker", "rosa delgado") and b"Rosa Delgado" in body)
    status, _, body = server.request("GET", "/v1/quotes" + q(doc="examples/council_vote.txt"))
    exported = b"".join(l + b"\n" for l in db_cli("export").splitlines()
                        if b'"doc":"examples/council_vote.txt"' in l)
    check("a story's quotes as db export", status == 200 and body == exported and body)


def sigterm_in_flight():
    """SIGTERM while a request is in flight: it completes, then the server exits 0."""
    server = Server(BIN, "-j", "1")
    s = raw_post_start(server.port, "/v1/extract?id=late", 40, 10)
    server.wait_until(lambda: in_flight(server) == 1, "the request in flight")
    server.proc.terminate()
    # Stopped accepting: new connections are refused (polled: the stop is asynchronous).
    def refused():
        try:
            socket.create_connection(("127.0.0.1", server.port), timeout=5).close()
            return False
        except OSError:
            return True
    server.wait_until(refused, "the listening socket to close")
    s.sendall("“We lost,” Ann Bo said. ".encode().ljust(30, b" "))
    resp = read_response(s)
    s.close()
    check("SIGTERM: the request in flight completes", resp.startswith(b"HTTP/1.1 200") and
          b"Ann Bo" in resp, resp[:300].decode("utf-8", "replace"))
    rc, stderr = server.stop(signal=False)
    check("SIGTERM with a request in flight: exit code 0", rc == 0, stderr[-1000:])


def endless_body():
    """A body that never ends, sent in small chunks well within --read-timeout, is cut off
    by --body-timeout with 408."""
    server = Server(BIN, "-j", "1", "--body-timeout", "1", "--read-timeout", "60")
    s = socket.create_connection(("127.0.0.1", server.port))
    s.sendall(b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
              b"Transfer-Encoding: chunked\r\n\r\n")
    stop = threading.Event()

    def trickle():
        try:
            while not stop.is_set():
                s.sendall(b"5\r\nwords\r\n")
                time.sleep(0.1)
        except OSError:
            pass  # the server closed the connection

    t = threading.Thread(target=trickle)
    t.start()
    resp = read_response(s)
    stop.set()
    t.join()
    s.close()
    check("an endless body is cut off with 408", resp.startswith(b"HTTP/1.1 408") and
          b"body_timeout" in resp, resp[:300].decode("utf-8", "replace"))
    rc, stderr = server.stop()
    check("endless body server: exit code 0", rc == 0, stderr[-1000:])


if __name__ == "__main__":
    sys.exit(main())
