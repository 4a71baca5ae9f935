"""Measures Bricoleur against a library of 342 municipal rulebooks (written by `scale-library`).
Started by `Benchmarks/run scale`.

    measure.py BRICOLEUR LIBRARY INITIATIVE [RUNS]

- check: one initiative, its `municipality:` set to a few municipalities in turn, each checked
  as a whole process (`bricoleur check --rules LIBRARY`), RUNS times: median and max.
- serve: started RUNS times; the time until GET /healthz answers, the resident set size
  (VmRSS from /proc) right after and after a few requests to several municipalities.
- reload: a parameter of one rulebook changed on disk; the time until GET /api/v1/rulebooks/ID
  shows the new value, with the server polling the files every 0.5 s (the default is 3 s) and
  with SIGHUP (the reload alone, without waiting for the poll); and SIGHUP without a change,
  which compiles every rulebook again, until /healthz shows the new generation.

Targets (issue 21): check under 100 ms, serve ready under 2 s holding under 300 MB, a reload
under 1 s. Exit status 0 even when a target is missed: the figures say so.
"""
import json
import os
import re
import resource
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request

binary, library, initiative = sys.argv[1], sys.argv[2], sys.argv[3]
runs = int(sys.argv[4]) if len(sys.argv) > 4 else 15
work = os.path.join(os.path.dirname(os.path.abspath(library)), "scale-work")
os.makedirs(work, exist_ok=True)

# Names as people write them: an official name, an accented one, a code, an alias, a slug.
municipalities = ["Leiden", "Súdwest-Fryslân", "GM0363", "Den Haag", "vaals"]
source = open(initiative, encoding="utf-8").read()


def ms(seconds):
    return f"{seconds * 1000:.1f} ms"


def summary(times):
    return f"median {ms(statistics.median(times))}, max {ms(max(times))}"


def initiative_for(municipality):
    path = os.path.join(work, f"initiative-{re.sub(r'[^a-z0-9]+', '-', municipality.lower())}.yaml")
    with open(path, "w", encoding="utf-8") as file:
        file.write(re.sub(r"(?m)^municipality: .*$", f"municipality: \"{municipality}\"", source))
    return path


def slug_of_answer(path, extra=()):
    """The rulebook id a check answers with (and that it did answer)."""
    result = subprocess.run([binary, "check", "--rules", library, "--format", "json", *extra, path], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"scale: check failed for {path}:\n{result.stderr}")
    rulebook = json.loads(result.stdout)[0]["rulebook"]
    return rulebook if isinstance(rulebook, str) else rulebook["id"]


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


# The machine may be shared: CPU time (user + system) says what the work costs, whatever else runs.
print(f"== check: one initiative as a whole process against the library of {library} ({runs} runs each)")
all_times, all_cpu = [], []
for municipality in municipalities:
    path = initiative_for(municipality)
    answered = slug_of_answer(path)
    times, cpu = [], []
    for _ in range(runs):
        start, cpu_start = time.perf_counter(), children_cpu()
        subprocess.run([binary, "check", "--rules", library, path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
        cpu.append(children_cpu() - cpu_start)
    all_times += times
    all_cpu += cpu
    print(f"  {municipality:18} (rulebook {answered}): {summary(times)}; CPU {summary(cpu)}")
print(f"  all: {summary(all_times)}; CPU {summary(all_cpu)} (target: under 100 ms)")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url, timeout=5):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read()


def post(url, body):
    request = urllib.request.Request(url, data=body.encode(), headers={"content-type": "application/yaml"}, method="POST")
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read()


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid):
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        fields = dict(line.split(":", 1) for line in status if ":" in line)
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def start_server(interval):
    port = free_port()
    start = time.perf_counter()
    process = subprocess.Popen(
        [binary, "serve", "--rules", library, "--port", str(port), "--log-level", "warning", "--reload-interval", str(interval)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    while True:
        try:
            get(f"{base}/healthz", timeout=1)
            break
        except OSError:
            if process.poll() is not None:
                sys.exit("scale: serve stopped before answering")
            time.sleep(0.005)
    return process, base, time.perf_counter() - start


def stop(process):
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def a_few_requests(base):
    get(f"{base}/")
    get(f"{base}/api/v1/rulebooks")
    for municipality in municipalities:
        body = open(initiative_for(municipality), encoding="utf-8").read()
        post(f"{base}/api/v1/evaluate?format=json", body)
        post(f"{base}/api/v1/evaluate?format=markdown&lang=en", body)


serve_runs = max(3, runs // 3)
print(f"== serve: start-up until GET /healthz answers, and memory ({serve_runs} starts)")
ready, ready_cpu, after_start, after_requests, peaks = [], [], [], [], []
for _ in range(serve_runs):
    process, base, elapsed = start_server(0)
    ready.append(elapsed)
    ready_cpu.append(cpu_seconds(process.pid))
    after_start.append(rss_mb(process.pid)[0])
    a_few_requests(base)
    rss, peak = rss_mb(process.pid)
    after_requests.append(rss)
    peaks.append(peak)
    stop(process)
print(f"  ready: {summary(ready)}; CPU {summary(ready_cpu)} (target: under 2 s)")
print(f"  resident: {statistics.median(after_start):.0f} MB after start, {statistics.median(after_requests):.0f} MB after "
      f"{2 * len(municipalities) + 2} requests (max {max(after_requests):.0f} MB; peak during start {max(peaks):.0f} MB) (target: under 300 MB)")


def parameter_value(base, rulebook, name):
    vocabulary = json.loads(get(f"{base}/api/v1/rulebooks/{rulebook}"))
    return next(p["value"] for p in vocabulary["parameters"] if p["name"] == name)


def measure_reload(process, base, rulebook, value, trigger):
    path = os.path.join(library, rulebook, "rulebook.yaml")
    text = open(path, encoding="utf-8").read()
    changed = re.sub(r"(max_bezoekers_klein:\n    value: )\d+", rf"\g<1>{value}", text)
    start = time.perf_counter()
    with open(path, "w", encoding="utf-8") as file:
        file.write(changed)
    trigger(process)
    deadline = start + 30
    while parameter_value(base, rulebook, "max_bezoekers_klein") != str(value):
        if time.perf_counter() > deadline:
            sys.exit(f"scale: the change to {path} was not served within 30 s")
        time.sleep(0.005)
    return time.perf_counter() - start


rulebook = slug_of_answer(initiative_for("Leiden"))
print(f"== reload: a parameter of {rulebook}/rulebook.yaml changed until the server answers with it ({serve_runs} changes each)")
original = open(os.path.join(library, rulebook, "rulebook.yaml"), encoding="utf-8").read()
try:
    for label, interval, trigger in [
        ("polling every 0.5 s", 0.5, lambda process: None),
        ("SIGHUP, no polling", 0, lambda process: process.send_signal(signal.SIGHUP)),
    ]:
        process, base, _ = start_server(interval)
        times = []
        for round in range(serve_runs):
            time.sleep(0.6)
            times.append(measure_reload(process, base, rulebook, 601 + round, trigger))
        rss = rss_mb(process.pid)[0]
        stop(process)
        print(f"  {label}: {summary(times)}; resident after {serve_runs} reloads {rss:.0f} MB (target: under 1 s)")
    process, base, _ = start_server(0)
    times = []
    for round in range(serve_runs):
        generation = json.loads(get(f"{base}/healthz"))["generation"]
        start = time.perf_counter()
        process.send_signal(signal.SIGHUP)
        while json.loads(get(f"{base}/healthz"))["generation"] == generation:
            time.sleep(0.005)
        times.append(time.perf_counter() - start)
    rss, peak = rss_mb(process.pid)
    stop(process)
    print(f"  SIGHUP, nothing changed (all {len(os.listdir(library)) - 1} rulebooks compiled again): {summary(times)}; "
          f"resident after {serve_runs} reloads {rss:.0f} MB, peak {peak:.0f} MB")
finally:
    with open(os.path.join(library, rulebook, "rulebook.yaml"), "w", encoding="utf-8") as file:
        file.write(original)
