"""Starts `aisim explore` for the explorer's Python tests (server_test,
attack_test, load_test), which import it from this folder."""

import re
import subprocess


def start_explorer(aisim, *args):
    """Runs `aisim explore ARGS` on a free port; returns (process, port).
    Exits the test with the server's output when it prints no loopback URL."""
    process = subprocess.Popen([aisim, "explore", *args], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    if not match:
        process.kill()
        raise SystemExit(f"aisim explore printed no loopback URL: {line!r} {process.stderr.read()!r}")
    return process, int(match.group(1))
