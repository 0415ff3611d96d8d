"""aisim explore under the attacks an outside review found (issue 14, item 4):
each check fails on the server before the fix. Usage: attack_test.py AISIM_BINARY

Loopback only: the server listens on 127.0.0.1; "another client" connects
from 127.0.0.2 (all of 127.0.0.0/8 is this computer on Linux). Every socket
has a timeout and every attack is bounded in count and time (about 30 s).
"""
import http.client
import json
import socket
import subprocess
import sys
import threading
import time

from explorer_process import start_explorer

AISIM = sys.argv[1]
POLITE = "127.0.0.1"
OTHER = "127.0.0.2"
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


def request(method, path, body=None, headers=None, source=POLITE, timeout=10):
    """(status, body bytes, seconds); status None when the request failed."""
    started = time.monotonic()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout, source_address=(source, 0))
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read(), time.monotonic() - started
    except OSError as error:
        return None, str(error).encode(), time.monotonic() - started
    finally:
        connection.close()


JSON = {"Content-Type": "application/json"}


def run(draws=1, source=POLITE, timeout=10):
    return request("POST", "/api/run", json.dumps({"draws": draws}), JSON, source, timeout)


def raw_connection(source=POLITE):
    sock = socket.create_connection(("127.0.0.1", port), timeout=10, source_address=(source, 0))
    return sock


def seconds_until_closed(sock, limit):
    """Reads until the server answers and closes, or `limit` seconds pass."""
    started = time.monotonic()
    sock.settimeout(0.2)
    while time.monotonic() - started < limit:
        try:
            if not sock.recv(65536):
                return time.monotonic() - started
        except socket.timeout:
            continue
        except OSError:
            return time.monotonic() - started
    return None


def p99(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]


def polite_while(attack_seconds, every=0.05):
    """A polite client's cheap requests (one-draw runs, each on a fresh
    connection, 5 s timeout) for `attack_seconds`: their latencies, or None for
    each that failed."""
    latencies = []
    end = time.monotonic() + attack_seconds
    while time.monotonic() < end:
        status, _, seconds = run(timeout=5)
        latencies.append(seconds if status == 200 else None)
        time.sleep(every)
    return latencies


def report(name, latencies):
    served = [x for x in latencies if x is not None]
    worst = p99(served) if served else float("inf")
    print(f"   {name}: {len(served)}/{len(latencies)} served, p99 {worst * 1000:.0f} ms")
    return len(served) == len(latencies) and worst < 1.0


process, port = start()
try:
    status, _, _ = run()
    check("serves a run before the attacks", status == 200)

    # 1. Keep-alive holders: 16 connections each sending a request every 1.5 s
    #    (inside the idle timeout), for 4 s. Before: they held httplib's 8
    #    workers and the polite client waited or timed out.
    stop = threading.Event()

    def keep_alive_holder():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            while not stop.is_set():
                connection.request("GET", "/api/levers")
                connection.getresponse().read()
                stop.wait(1.5)
        except OSError:
            pass
        finally:
            connection.close()

    holders = [threading.Thread(target=keep_alive_holder) for _ in range(16)]
    for holder in holders:
        holder.start()
    time.sleep(0.5)
    latencies = polite_while(4)
    stop.set()
    for holder in holders:
        holder.join(15)
    check("16 keep-alive connections do not lock a polite client out (p99 under 1 s)",
          report("keep-alive holders", latencies))

    # 2. Slowloris: 16 connections sending a header byte every 0.5 s. Before:
    #    each held a worker for as long as it kept sending. Now a request must
    #    arrive whole within 2 s of its first byte.
    slow = [raw_connection() for _ in range(16)]
    for sock in slow:
        sock.sendall(b"GET /api/levers HTTP/1.1\r\n")
    closed_after = [None] * len(slow)
    started = time.monotonic()

    def drip():
        while time.monotonic() - started < 4.5:
            for i, sock in enumerate(slow):
                if closed_after[i] is not None:
                    continue
                try:
                    sock.sendall(b"X")
                    closed = sock.recv(65536, socket.MSG_DONTWAIT) == b""
                except BlockingIOError:
                    closed = False
                except OSError:
                    closed = True
                if closed:
                    closed_after[i] = time.monotonic() - started
            time.sleep(0.5)

    dripper = threading.Thread(target=drip)
    dripper.start()
    latencies = polite_while(4)
    dripper.join(10)
    check("16 slowloris connections do not lock a polite client out (p99 under 1 s)",
          report("slowloris", latencies))
    # The server closes a dripped connection (its request unfinished) about
    # 2 s after its first byte; the drip notices within 0.5 s.
    for sock in slow:
        sock.close()
    check("a slowloris connection is closed within 4 s of its first byte",
          all(x is not None and x < 4.5 for x in closed_after), closed_after)

    # 3. A false Content-Length: 10 bytes of 1,000 promised. Before: the
    #    worker waited 5 s (the per-recv timeout), longer if the bytes dribbled.
    sock = raw_connection()
    sock.sendall(b"POST /api/run HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nContent-Type: application/json\r\n"
                 b"Content-Length: 1000\r\n\r\n{\"draws\":1" % port)
    held = seconds_until_closed(sock, 8)
    sock.close()
    check("a body shorter than its Content-Length holds a worker under 4 s", held is not None and held < 4.0, held)

    # 4. One client's flood of requests is its own problem: 300 quick requests
    #    from 127.0.0.2 meet 429, and 127.0.0.1 is served meanwhile.
    flood_statuses = []
    for _ in range(300):
        status, _, _ = request("GET", "/assets/explore.css", source=OTHER)
        flood_statuses.append(status)
        if status == 429:
            break
    status, _, _ = run()
    check("one client's flood gets 429 and another client is still served",
          flood_statuses[-1] == 429 and status == 200, (flood_statuses[-1], status))

    # 5. Too many connections from one address: 30 idle connections from
    #    127.0.0.2, opened one after another (an admitted one closes after 2 s
    #    idle, so they are opened quickly); those over the cap of 24 are
    #    answered 429 at once.
    idle = []
    answers = []
    for _ in range(30):
        sock = raw_connection(OTHER)
        sock.settimeout(0.02)
        try:
            answers.append(sock.recv(200))
        except socket.timeout:
            answers.append(b"")
        idle.append(sock)
    # A refusal may reach us after the 20 ms probe on a busy machine: look
    # again (an admitted connection only closes, after 2 s idle).
    for i, sock in enumerate(idle):
        if not answers[i]:
            sock.settimeout(0.5)
            try:
                answers[i] = sock.recv(200)
            except OSError:
                pass
    refused = sum(answer.startswith(b"HTTP/1.1 429") for answer in answers)
    status, _, seconds = run(timeout=5)
    check("connections over one address's cap are refused with 429; another address is served",
          refused >= 6 and status == 200, (refused, status, seconds))
    for sock in idle:
        sock.close()

    # 6. 40 requests per second of 1,000 draws for 3 s (under the rate limit)
    #    from 127.0.0.2. Before: they queued without bound (p99 of 32 s in the
    #    attack). Now such runs go one at a time, 4 more waiting, the rest 503.
    time.sleep(1.0)  # 127.0.0.2's bucket refills
    heavy = []
    lock = threading.Lock()

    def heavy_run():
        status, _, seconds = run(1000, source=OTHER, timeout=30)
        with lock:
            heavy.append((status, seconds))

    senders = []
    started = time.monotonic()
    for i in range(120):
        time.sleep(max(0.0, started + i / 40 - time.monotonic()))
        sender = threading.Thread(target=heavy_run)
        sender.start()
        senders.append(sender)
        if i == 20:
            polite_started = time.monotonic()
            polite = []
            # Interleaved with the flood: one cheap run every 8th heavy one.
        if i > 20 and i % 8 == 0:
            polite.append(run(timeout=5))
    for sender in senders:
        sender.join(40)
    statuses = sorted({status for status, _ in heavy})
    heavy_p99 = p99([seconds for _, seconds in heavy])
    print(f"   heavy flood: answers {statuses}, {sum(s == 200 for s, _ in heavy)} ran, "
          f"p99 {heavy_p99:.2f} s; polite p99 {p99([s for _, _, s in polite]) * 1000:.0f} ms")
    check("a flood of 1,000-draw runs is answered 200 or 503 (Retry-After), p99 under 10 s",
          set(statuses) <= {200, 503} and 503 in statuses and heavy_p99 < 10, (statuses, heavy_p99))
    check("cheap runs are served during a flood of heavy ones (p99 under 1 s)",
          all(status == 200 for status, _, _ in polite) and p99([s for _, _, s in polite]) < 1.0,
          [(status, round(s, 2)) for status, _, s in polite])

    # 7. Cross-site POSTs (CSRF): a page elsewhere can send text/plain with its
    #    own Origin; refused. The page's own requests still work.
    time.sleep(1.0)
    host = f"127.0.0.1:{port}"
    body = json.dumps({"draws": 1})
    status, data, _ = request("POST", "/api/run", body, {"Content-Type": "text/plain", "Origin": "http://evil.example"})
    check("a text/plain POST with a foreign Origin is refused with 403", status == 403, (status, data[:120]))
    status, data, _ = request("POST", "/api/run", body, {**JSON, "Origin": "http://evil.example"})
    check("a JSON POST with a foreign Origin is refused with 403", status == 403, (status, data[:120]))
    status, data, _ = request("POST", "/api/run", body, {"Content-Type": "text/plain"})
    check("a POST that is not application/json is refused with 415", status == 415, (status, data[:120]))
    status, _, _ = request("POST", "/api/run", body, {**JSON, "Origin": f"http://{host}"})
    check("a JSON POST from the page's own origin runs", status == 200, status)

    # 8. Bytes that are not UTF-8, in the path and in the body: 4xx, never 500.
    sock = raw_connection()
    sock.sendall(b"GET /\xff\xfe HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n" % host.encode())
    answer = b""
    while chunk := sock.recv(65536):
        answer += chunk
    sock.close()
    check("a path that is not UTF-8 is a 404 with a JSON message", answer.startswith(b"HTTP/1.1 404") and
          json.loads(answer.split(b"\r\n\r\n", 1)[1])["error"].startswith("no such page"), answer[:120])
    status, data, _ = request("GET", "/%ff%fe")
    check("an encoded path that is not UTF-8 is a 404", status == 404, (status, data[:120]))
    for name, bad in [("a byte", b"\xff"), ("an override", b'{"set": ["regions.KR.\xff=1"]}'),
                      ("a key", b'{"\xc3\x28": 1}')]:
        status, data, _ = request("POST", "/api/run", bad, JSON)
        check(f"a body with {name} that is not UTF-8 is a 400 with a JSON message",
              status == 400 and json.loads(data)["error"].startswith("request is not valid JSON"), (status, data[:120]))

    status, _, _ = run()
    check("still serves after every attack", status == 200)
finally:
    process.terminate()
    try:
        code = process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        code = None
check("stops cleanly on SIGTERM after the attacks", code == 0, code)

print(f"{passes} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
