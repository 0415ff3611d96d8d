"""aisim explore over real HTTP on loopback: binds 127.0.0.1 on a port of its
own choosing, answers bad requests with 400/403/404/413/429 and a message, and
keeps serving afterwards. Usage: server_test.py AISIM_BINARY

Every request goes to 127.0.0.1 only, is bounded in count, and has a timeout.
"""
import http.client
import json
import subprocess
import sys
import time

from explorer_process import start_explorer

AISIM = sys.argv[1]
failures = []
passes = 0


def check(name, condition, detail=""):
    global passes
    if condition:
        passes += 1
        print(f"ok: {name}")
    else:
        failures.append(name)
        print(f"FAIL: {name} {detail}")


def start(*args):
    return start_explorer(AISIM, *args)


def request(port, method, path, body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    # POSTs say application/json, as the page does (others are refused 415).
    if headers is None:
        headers = {"Content-Type": "application/json"} if method == "POST" else {}
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, data


def error_of(data):
    return json.loads(data)["error"]


process, port = start()
try:
    status, data = request(port, "GET", "/")
    check("serves the page", status == 200 and b"assets/explore.js" in data)

    status, data = request(port, "POST", "/api/run", '{"set": ["regions.KR.public_budget=12"]}')
    good = json.loads(data) if status == 200 else None
    check("runs a what-if", status == 200 and good["draws"] == 1 and len(good["regions"]) == 9)

    status, data = request(port, "POST", "/api/run", '{"set": [')
    check("bad JSON is a 400 with a message", status == 400 and
          error_of(data).startswith("request is not valid JSON"), data)

    status, data = request(port, "POST", "/api/run", '{"set": ["regions.KR.physical_focus=7"]}')
    check("an out-of-range lever is a 400 with the loader's located message", status == 400 and
          error_of(data).startswith("--set:1:27: error: physical_focus = 7. Violated constraint: physical_focus <= 1"),
          data)

    status, data = request(port, "POST", "/api/run", '{"set": ["regions.XX.physical_focus=0.5"]}')
    check("an unknown region is a 400", status == 400 and "XX" in error_of(data), data)

    status, data = request(port, "POST", "/api/run", '{"draws": 100000}')
    check("too many draws is a 400", status == 400 and "draws" in error_of(data), data)

    status, data = request(port, "POST", "/api/run", "x" * (65 * 1024))
    check("an oversized body is a 413 with a message", status == 413 and "65536-byte limit" in error_of(data), data[:200])

    status, data = request(port, "GET", "/assets/../../../etc/passwd")
    check("a path outside the embedded files is a 404", status == 404 and b"root:" not in data)
    status, data = request(port, "GET", "/assets/%2e%2e/%2e%2e/CMakeLists.txt")
    check("an encoded path outside the embedded files is a 404", status == 404 and b"project(" not in data)

    status, data = request(port, "GET", "/api/levers", headers={"Host": "attacker.example:80"})
    check("a request addressed to another host is a 403", status == 403 and "127.0.0.1" in error_of(data), data)

    status, data = request(port, "POST", "/api/run", '{"set": ["regions.KR.public_budget=12"]}')
    check("still serves the same numbers after bad requests", status == 200 and json.loads(data) == good)

    # The rate limit: a burst of 200, then 100 per second. 400 quick requests
    # (bounded) must meet at least one 429; a second later it serves again.
    statuses = []
    for _ in range(400):
        status, data = request(port, "GET", "/assets/explore.css")
        statuses.append(status)
        if status == 429:
            limited = error_of(data)
            break
    check("a flood of requests is limited with 429 and a message",
          429 in statuses and "too many requests" in limited, statuses[-3:])
    time.sleep(1.0)
    status, _ = request(port, "GET", "/api/levers")
    check("serves again after the flood", status == 200)
finally:
    process.terminate()
    try:
        code = process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        code = None
check("stops cleanly on SIGTERM", code == 0, code)

# A port already taken is a clear error, not a crash.
holder, taken = start()
try:
    result = subprocess.run([AISIM, "explore", "--port", str(taken)], capture_output=True, text=True, timeout=20)
    check("a port in use is a clear error", result.returncode == 1 and
          f"cannot listen on 127.0.0.1:{taken}" in result.stderr, result.stderr)
finally:
    holder.terminate()
    holder.wait(timeout=10)

result = subprocess.run([AISIM, "explore", "no-such-scenario.yaml"], capture_output=True, text=True, timeout=20)
check("a bad scenario is refused before serving", result.returncode == 2 and "no-such-scenario" in result.stderr,
      result.stderr)

print(f"{passes} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
