#!/usr/bin/env python3
"""Load benchmark of `whosaid serve` (not a test): N concurrent clients on 127.0.0.1, each
on one keep-alive connection, send a fixed number of POST /v1/extract requests (the
example stories in turn, or the PolNeAR dev stories when ../shared/data has them) and
report requests/s, p50/p99 latency, errors and the server's memory (VmHWM, and VmRSS
sampled through the run: flat means no growth per request).

    bench/serve_load.py build/whosaid [--clients 8] [--requests 2000] [-j 2]
"""
import argparse
import http.client
import json
import multiprocessing
import os
import statistics
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "serve"))
from serve_lib import Server  # noqa: E402


def stories():
    data = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "polnear-dev.jsonl")
    if os.path.exists(data):
        out = []
        for line in open(data, encoding="utf-8"):
            d = json.loads(line)
            out.append((str(d.get("id", len(out))), d["text"].encode("utf-8")))
        return out, "PolNeAR dev (%d stories)" % len(out)
    ex = sorted(f for f in os.listdir("examples") if f.endswith(".txt"))
    return [(f, open("examples/" + f, "rb").read()) for f in ex], "examples/*.txt"


def proc_kb(pid, field):
    for line in open("/proc/%d/status" % pid):
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def client(port, docs, requests):
    """One client on one keep-alive connection: (latencies in seconds, errors)."""
    latencies, errors = [], []
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    for i in requests:
        _, body = docs[i % len(docs)]
        t0 = time.perf_counter()
        try:
            conn.request("POST", "/v1/extract?id=" + str(i), body, {"Content-Type": "text/plain"})
            r = conn.getresponse()
            r.read()
            status = r.status
        except (OSError, http.client.HTTPException) as e:
            status = str(e)
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        latencies.append(time.perf_counter() - t0)
        if status != 200:
            errors.append(status)
    conn.close()
    return latencies, errors


def cpu_seconds(pid):
    fields = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("-j", "--jobs", type=int, default=2)
    a = ap.parse_args()
    docs, source = stories()
    # A queue that holds every client: the benchmark measures work, not 503s.
    server = Server(os.path.abspath(a.binary), "-j", str(a.jobs), "--queue", str(a.clients), "-q")
    pid = server.proc.pid
    rss = []
    done = threading.Event()

    def sample():
        while not done.is_set():
            rss.append(proc_kb(pid, "VmRSS"))
            time.sleep(0.25)

    sampler = threading.Thread(target=sample)
    sampler.start()
    cpu0 = cpu_seconds(pid)
    start = time.perf_counter()
    # Clients are processes (one Python interpreter cannot keep the server busy).
    with multiprocessing.Pool(a.clients) as pool:
        results = pool.starmap(client, [(server.port, docs, range(k, a.requests, a.clients))
                                        for k in range(a.clients)])
    latencies = [t for lat, _ in results for t in lat]
    errors = [e for _, errs in results for e in errs]
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    cpu = cpu_seconds(pid) - cpu0
    hwm = proc_kb(pid, "VmHWM")
    rc, _ = server.stop()
    lat = sorted(latencies)
    q = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))] * 1000
    third = max(1, len(rss) // 3)
    mb = sum(len(b) for _, b in docs) / len(docs)
    print("stories: %s, %.1f KB on average" % (source, mb / 1024))
    print("server: -j %d; %d clients, %d requests in %.2f s" % (a.jobs, a.clients, a.requests, elapsed))
    print("requests/s: %.1f" % (a.requests / elapsed))
    print("latency ms: p50 %.1f, p99 %.1f, max %.1f" % (q(0.50), q(0.99), lat[-1] * 1000))
    print("server CPU: %.2f s in all, %.2f ms per request, %.0f%% of one core on average"
          % (cpu, cpu * 1000 / a.requests, cpu * 100 / elapsed))
    print("errors: %d %s" % (len(errors), sorted(set(map(str, errors)))[:5]))
    print("server memory: peak (VmHWM) %.1f MB; VmRSS first third of the run %.1f MB, last third %.1f MB"
          % (hwm / 1024, statistics.mean(rss[:third]) / 1024, statistics.mean(rss[-third:]) / 1024))
    tenths = [rss[min(len(rss) - 1, k * len(rss) // 10)] / 1024 for k in range(1, 11)]
    print("server VmRSS at each tenth of the run, MB: " + " ".join("%.1f" % m for m in tenths))
    print("server exit code after SIGTERM: %d" % rc)
    return 1 if errors or rc != 0 else 0


if __name__ == "__main__":
    sys.exit(main())
