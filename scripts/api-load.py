#!/usr/bin/env python3
# usage: scripts/api-load.py HOST PORT ADMIN_PASSWORD SECONDS THREADS PATH...   (docs/cloud-service.md, "Measurements")
# Client-side latency of the cloud API: N threads, each with one keep-alive connection, GETs from a list of paths.
import base64, http.client, sys, threading, time
host, port, password, seconds, threads = sys.argv[1], int(sys.argv[2]), sys.argv[3], float(sys.argv[4]), int(sys.argv[5])
paths = sys.argv[6:]
auth = "Basic " + base64.b64encode(("admin:" + password).encode()).decode()
lat, errors = [], [0]
lock = threading.Lock()
def worker(k):
    c = http.client.HTTPConnection(host, port, timeout=30)
    mine = []; i = k; end = time.time() + seconds
    while time.time() < end:
        p = paths[i % len(paths)]; i += 1
        t = time.perf_counter(); c.request("GET", p, headers={"Authorization": auth}); r = c.getresponse(); r.read()
        mine.append((time.perf_counter() - t) * 1000)
        if r.status != 200:
            with lock: errors[0] += 1
    with lock: lat.extend(mine)
ts = [threading.Thread(target=worker, args=(k,)) for k in range(threads)]
[t.start() for t in ts]; [t.join() for t in ts]
lat.sort(); n = len(lat)
print(f"requests {n} errors {errors[0]} throughput {n/seconds:.0f}/s p50 {lat[n//2]:.1f} ms p95 {lat[int(n*0.95)]:.1f} ms p99 {lat[int(n*0.99)]:.1f} ms max {lat[-1]:.1f} ms")
