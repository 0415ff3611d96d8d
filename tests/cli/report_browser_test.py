"""report.html in a real browser: headless Chromium renders the reports of a
run and of a comparison; the test asserts that the charts and tables are
there and that nothing is loaded from the network.

Usage: /usr/bin/python3 report_browser_test.py AISIM_BINARY

How a network load is detected: Chromium is driven through the DevTools
protocol over --remote-debugging-pipe (no extra packages). With the Network
domain enabled, every request the page makes is reported by
Network.requestWillBeSent, whatever its outcome; a request blocked by the
report's Content-Security-Policy is reported as a Log entry instead. Any
request whose URL is not file:, data: or about:, and any such Log entry, is a
failure. Host names resolve to nothing (--host-resolver-rules), so the test
itself never touches the network. Two negative controls prove the detection
works: a page with an external <img> and a stylesheet link, and a copy of the
run's report with an external <img> added (which its CSP blocks): both must
be flagged.

One browser start serves all pages (Chromium starts are slow). Exits 0 when
every check passes, 1 otherwise, printing each check.
"""

import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

CHROMIUM = "/usr/bin/chromium"
LOCAL_SCHEMES = ("file:", "data:", "about:")

PLAN = """extends: world-2025
description: "Korea aims its public AI money at physical AI and doubles the budget"
regions:
  KR:
    physical_focus: 0.8
    public_budget: 6
"""

NEGATIVE_PAGE = """<!DOCTYPE html>
<html><head><title>negative control</title>
<link rel="stylesheet" href="https://fonts.example.com/style.css">
</head><body><h1>external image</h1>
<img src="http://images.example.com/chart.png" alt="external">
</body></html>
"""


class DevTools:
    """The DevTools protocol over Chromium's --remote-debugging-pipe: JSON
    messages separated by NUL bytes, commands on fd 3, replies on fd 4."""

    def __init__(self, profile):
        to_browser_read, self.to_browser = os.pipe()
        self.from_browser, from_browser_write = os.pipe()

        # In the child, fd 3 reads our commands and fd 4 writes replies. The
        # pipes' own numbers may be 3 or 4, so go through spare numbers first;
        # subprocess closes other fds only after this runs, so keep 3 and 4.
        def child_fds():
            spare_read, spare_write = os.dup(to_browser_read), os.dup(from_browser_write)
            os.dup2(spare_read, 3)
            os.dup2(spare_write, 4)

        self.process = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--remote-debugging-pipe", f"--user-data-dir={profile}",
             "--host-resolver-rules=MAP * ~NOTFOUND", "about:blank"],
            pass_fds=(3, 4, to_browser_read, from_browser_write), preexec_fn=child_fds,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_read)
        os.close(from_browser_write)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def close(self):
        try:
            self.send("Browser.close", timeout=10)
        except Exception:  # noqa: BLE001 - closing is best effort
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def _read_message(self, deadline):
        while b"\0" not in self.buffer:
            if time.time() > deadline:
                raise TimeoutError("no reply from Chromium")
            chunk = os.read(self.from_browser, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, params=None, session=None, timeout=60):
        self.next_id += 1
        command = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            command["sessionId"] = session
        os.write(self.to_browser, json.dumps(command).encode() + b"\0")
        deadline = time.time() + timeout
        while True:
            message = self._read_message(deadline)
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for(self, method, session, timeout=60):
        deadline = time.time() + timeout
        while True:
            for i, event in enumerate(self.events):
                if event.get("method") == method and event.get("sessionId") == session:
                    return self.events.pop(i)
            self.events.append(self._read_message(deadline))


def load(devtools, path):
    """Opens file `path` in a fresh tab; returns (network URLs, log entries,
    DOM facts, PDF bytes)."""
    target = devtools.send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = devtools.send("Target.attachToTarget",
                            {"targetId": target, "flatten": True})["sessionId"]
    for domain in ("Network", "Page", "Log", "Runtime"):
        devtools.send(f"{domain}.enable", session=session)
    devtools.events.clear()
    devtools.send("Page.navigate", {"url": "file://" + os.path.abspath(path)}, session=session)
    devtools.wait_for("Page.loadEventFired", session)
    facts = devtools.send("Runtime.evaluate", {
        "expression": """JSON.stringify({
          title: document.title,
          charts: Array.from(document.querySelectorAll('figure img')).map(img => ({
            id: img.parentElement.id, data: img.src.startsWith('data:image/png;base64,'),
            complete: img.complete, width: img.naturalWidth, height: img.naturalHeight,
            shown: img.getBoundingClientRect().width})),
          tables: Array.from(document.querySelectorAll('table')).map(t => ({
            caption: t.caption ? t.caption.textContent : '',
            rows: t.tBodies.length ? t.tBodies[0].rows.length : 0,
            header: Array.from(t.querySelectorAll('th')).map(th => th.textContent)})),
          text: document.body.innerText})""",
        "returnByValue": True}, session=session)["result"]["value"]
    pdf = base64.b64decode(devtools.send("Page.printToPDF", {"printBackground": True},
                                         session=session)["data"])
    # Let late requests (lazy images, fonts) show up before collecting.
    time.sleep(0.5)
    devtools.send("Runtime.evaluate", {"expression": "1"}, session=session)
    urls, logs = [], []
    for event in devtools.events:
        if event.get("sessionId") != session:
            continue
        if event["method"] == "Network.requestWillBeSent":
            urls.append(event["params"]["request"]["url"])
        elif event["method"] == "Log.entryAdded":
            logs.append(event["params"]["entry"])
    devtools.send("Target.closeTarget", {"targetId": target})
    return urls, logs, json.loads(facts), pdf


def network_loads(urls, logs):
    """Requests that left file://, and log entries about blocked or failed loads."""
    remote = [u for u in urls if not u.startswith(LOCAL_SCHEMES)]
    blocked = [e["text"] for e in logs
               if e.get("source") in ("network", "security") or "Content Security Policy" in e.get("text", "")]
    return remote + blocked


class Checks:
    def __init__(self):
        self.failed = 0

    def check(self, ok, what):
        print(("ok   " if ok else "FAIL ") + what)
        self.failed += not ok


def main():
    binary = sys.argv[1]
    work = tempfile.mkdtemp(prefix="aisim-browser-test-")
    checks = Checks()
    try:
        with open(os.path.join(work, "kr-plan.yaml"), "w") as f:
            f.write(PLAN)
        for args in (["run", "--quiet"],
                     ["compare", "world-2025", "kr-plan.yaml", "--region", "KR", "--quiet"]):
            run = subprocess.run([binary, *args], cwd=work, capture_output=True, text=True,
                                 timeout=600)
            if run.returncode != 0 or run.stdout or run.stderr:
                print(f"FAIL aisim {' '.join(args)}: exit {run.returncode}\n{run.stdout}{run.stderr}")
                return 1
        run_report = os.path.join(work, "results/world-2025/report.html")
        compare_report = os.path.join(work, "results/compare-world-2025-vs-kr-plan/report.html")
        negative = os.path.join(work, "negative.html")
        with open(negative, "w") as f:
            f.write(NEGATIVE_PAGE)
        # The run's report with one external image added: its CSP blocks it.
        tampered = os.path.join(work, "results/world-2025/tampered.html")
        with open(run_report) as f:
            html = f.read()
        with open(tampered, "w") as f:
            f.write(html.replace("</body>", '<img src="https://tracker.example.com/p.gif"></body>'))

        devtools = DevTools(os.path.join(work, "profile"))
        try:
            results = {name: load(devtools, path) for name, path in
                       (("run", run_report), ("compare", compare_report),
                        ("negative", negative), ("tampered", tampered))}
        finally:
            devtools.close()

        urls, logs, facts, pdf = results["run"]
        checks.check(facts["title"] == "aisim run: world-2025", f"run report title: {facts['title']}")
        charts = facts["charts"]
        checks.check(len(charts) == 13, f"run report shows 13 charts (found {len(charts)})")
        checks.check(all(c["data"] and c["complete"] and c["width"] > 500 and c["shown"] > 0
                         for c in charts), "every run chart is an embedded PNG that decoded and is shown")
        checks.check(any(c["id"] == "chart-capability-generative" for c in charts),
                     "the generative capability chart is there")
        tables = facts["tables"]
        checks.check(len(tables) == 1 and tables[0]["rows"] == 9,
                     "run report has the end-year table with 9 regions")
        checks.check("South Korea (KR)" in facts["text"] and "log10 FLOP" in facts["text"],
                     "run report names regions and units")
        checks.check(pdf.startswith(b"%PDF") and len(pdf) > 50000, "run report prints to PDF")
        checks.check(not network_loads(urls, logs),
                     f"run report loads nothing from the network {network_loads(urls, logs)}")
        checks.check(any(u.startswith("file:") for u in urls),
                     "the request log saw the file:// page itself (the log works)")

        urls, logs, facts, pdf = results["compare"]
        ids = sorted(c["id"] for c in facts["charts"])
        checks.check(ids == ["chart-difference-2035", "chart-scenarios-KR", "chart-time-shift"],
                     f"compare report shows the difference, overlay and delay-cost charts {ids}")
        checks.check(all(c["data"] and c["complete"] and c["width"] > 500 for c in facts["charts"]),
                     "every compare chart decoded")
        captions = [t["caption"] for t in facts["tables"]]
        checks.check(any("kr-plan minus world-2025" in c for c in captions),
                     "compare report has the differences table")
        checks.check(any("per extra USD bn" in c for c in captions),
                     "compare report has the capability per extra USD bn table")
        checks.check(any(c.startswith("Delay cost in 2035") for c in captions),
                     "compare report has the delay-cost table")
        checks.check(all(t["rows"] > 0 for t in facts["tables"]), "compare tables have rows")
        checks.check(pdf.startswith(b"%PDF"), "compare report prints to PDF")
        checks.check(not network_loads(urls, logs),
                     f"compare report loads nothing from the network {network_loads(urls, logs)}")

        urls, logs, _, _ = results["negative"]
        flagged = network_loads(urls, logs)
        checks.check(any("images.example.com" in u for u in flagged) and
                     any("fonts.example.com" in u for u in flagged),
                     f"negative control: external image and stylesheet are detected {flagged}")
        urls, logs, _, _ = results["tampered"]
        flagged = network_loads(urls, logs)
        checks.check(any("tracker.example.com" in u for u in flagged),
                     f"negative control: an external image in a report is detected {flagged}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
