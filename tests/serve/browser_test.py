#!/usr/bin/env python3
"""The quote viewer in headless Chromium (Debian's `chromium`): the page at / submits an
example story to the service and shows its quotes; every highlighted quote and every
speaker in the DOM must be the CLI's records. Then the file `whosaid --format html` writes,
the same way. Screenshots go to the build tree (wide and 360 px).

    browser_test.py BUILD/whosaid SCREENSHOT_DIR     exit 77 (skipped) without chromium
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
from html.parser import HTMLParser

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_lib import Server  # noqa: E402

BIN = os.path.abspath(sys.argv[1])
OUT = os.path.abspath(sys.argv[2])
STORY = "examples/council_vote.txt"
SKIP = 77
failures = []


def check(what, ok, detail=""):
    if not ok:
        failures.append(what)
        print("FAIL: %s %s" % (what, str(detail)[:3000]))


class Dom(HTMLParser):
    """The quote marks and speaker entries of a dumped DOM."""

    def __init__(self):
        super().__init__()
        self.marks, self.speakers, self.done = [], [], False
        self.hits, self.search_done = [], False
        self.details_open, self.details = False, {}
        self._in_mark = None
        self._field, self._dt = None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "body" and a.get("data-state") == "done":
            self.done = True
        if tag == "body" and a.get("data-search") == "done":
            self.search_done = True
        if tag == "li" and "hit" in classes:
            self.hits.append(int(a["data-quote-id"]))
        if tag == "mark" and "quote" in classes and "data-start" in a:
            self._in_mark = {"start": int(a["data-start"]), "end": int(a["data-end"]),
                             "speaker": a.get("data-speaker") or None, "text": ""}
        if tag == "aside" and a.get("id") == "details":
            self.details_open = "hidden" not in a
        if tag in ("dt", "dd"):
            self._field = tag
            if tag == "dt":
                self._dt = ""
            else:
                self.details[self._dt] = ""
        if tag == "li" and "speaker-item" in classes:
            self.speakers.append((a["data-name"], int(a["data-quotes"])))

    def handle_data(self, data):
        if self._in_mark is not None:
            self._in_mark["text"] += data
        if self._field == "dt":
            self._dt += data
        elif self._field == "dd":
            self.details[self._dt] += data

    def handle_endtag(self, tag):
        if tag in ("dt", "dd"):
            self._field = None
        if tag == "mark" and self._in_mark is not None:
            self.marks.append(self._in_mark)
            self._in_mark = None


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def run_chromium(browser, profile, *args):
    r = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu",
                        "--no-first-run", "--user-data-dir=" + profile, *args],
                       capture_output=True, text=True, timeout=600)
    return r.stdout


def dump(browser, profile, url, ready):
    """The DOM after the page's scripts ran; retried with more virtual time (the service
    may be slow on a busy machine or under ASan) until ready(dom)."""
    dom = Dom()
    for budget in (5000, 20000, 60000, 120000, 240000):
        dom = Dom()
        dom.feed(run_chromium(browser, profile, "--virtual-time-budget=%d" % budget,
                              "--dump-dom", url))
        if ready(dom):
            break
    return dom


def expected(*cli_args):
    out = subprocess.run([BIN, "--format", "json", *cli_args], capture_output=True, check=True)
    docs = json.loads(out.stdout)
    quotes = [{"start": q["start"], "end": q["end"], "speaker": q["speaker"], "text": q["quote"]}
              for d in docs for q in d["quotes"]]
    speakers = [(s["name"], s["quotes"]) for d in docs for s in d["speakers"]]
    return quotes, speakers


def compare(what, dom, quotes, speakers):
    key = lambda m: (m["start"], m["end"])
    check(what + ": the highlighted quotes are the CLI's records",
          sorted(dom.marks, key=key) == sorted(quotes, key=key),
          "DOM %s\nCLI %s" % (dom.marks, quotes))
    check(what + ": the speakers and their quote counts are the CLI's",
          sorted(dom.speakers) == sorted(speakers), "DOM %s\nCLI %s" % (dom.speakers, speakers))
    check(what + ": some quotes", len(quotes) > 0)


def main():
    browser = chromium()
    if not browser:
        print("chromium is not installed (make deps installs it): skipped")
        return SKIP
    os.makedirs(OUT, exist_ok=True)
    profile = tempfile.mkdtemp()
    text = open(STORY, encoding="utf-8").read()

    db = os.path.join(profile, "quotes.sqlite")
    server = Server(BIN, "-j", "1", "--db", db)
    try:
        url = server.base + "/#run&text=" + urllib.parse.quote(text)
        dom = dump(browser, profile, url, lambda d: d.done)
        check("the page finished", dom.done)
        # The page sends the story as text/plain with id "story".
        with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8",
                                         delete=False) as f:
            f.write(text)
        quotes, speakers = expected(f.name)
        os.unlink(f.name)
        compare("served page", dom, quotes, speakers)
        # A quote opened (as a click or Enter does), with explain: cue, rule, confidence, slots.
        explained = json.loads(subprocess.run(
            [BIN, "--explain", "--format", "json", STORY], capture_output=True,
            check=True).stdout)[0]["quotes"][1]
        dom = dump(browser, profile, server.base + "/#run&explain&show=1&text=" +
                   urllib.parse.quote(text), lambda d: d.done)
        d = dom.details
        check("details of a quote: speaker, cue, rule, confidence, type, slots",
              dom.details_open and d.get("speaker") == explained["speaker"] and
              d.get("cue") == explained["cue"] and d.get("rule") == explained["rule"] and
              d.get("confidence") == "%.3f" % explained["confidence"] and
              d.get("type") == explained["type"] and
              d.get("SPEAKER") == explained["explain"]["slots"]["SPEAKER"],
              "DOM %s\nCLI %s" % (d, explained))
        for name, size in (("serve_page.png", "1280,1100"), ("serve_page_360.png", "360,1400")):
            path = os.path.join(OUT, name)
            run_chromium(browser, profile, "--virtual-time-budget=20000", "--hide-scrollbars",
                         "--window-size=" + size, "--screenshot=" + path, url)
            check("screenshot " + name, os.path.exists(path) and os.path.getsize(path) > 1000)
        # The search page: the examples stored, then a search from the page's own form.
        for p in sorted(f for f in os.listdir("examples") if f.endswith(".txt")):
            status, _, body = server.request("POST", "/v1/ingest?id=examples/" + p,
                                             open("examples/" + p, "rb").read())
            check("ingest " + p, status == 200, body)
        dom = dump(browser, profile, server.base + "/#search=" + urllib.parse.quote("pipe*"),
                   lambda d: d.search_done)
        hits = subprocess.run([BIN, "db", "search", "--db", db, "pipe*"],
                              capture_output=True, check=True).stdout.decode().splitlines()
        want = [json.loads(h)["quote_id"] for h in hits]
        check("search page: the hits of db search, in order", dom.hits == want and want,
              "DOM %s\nCLI %s" % (dom.hits, want))
    finally:
        rc, stderr = server.stop()
    check("server exit code 0", rc == 0, stderr[-1000:])

    # --format html: the same view, standalone, of several stories.
    stories = ["examples/council_vote.txt", "examples/interview_water.txt"]
    page = os.path.join(OUT, "quotes.html")
    with open(page, "wb") as f:
        f.write(subprocess.run([BIN, "--format", "html", *stories], capture_output=True,
                               check=True).stdout)
    dom = dump(browser, profile, "file://" + page, lambda d: d.marks)
    quotes, speakers = expected(*stories)
    compare("--format html", dom, quotes, speakers)

    shutil.rmtree(profile, ignore_errors=True)
    if failures:
        print("%d failure(s)" % len(failures))
        return 1
    print("ok: screenshots in " + OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
