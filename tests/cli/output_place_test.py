"""aisim writes only inside the folder the user named and never deletes or
replaces what it did not create (issue 14, items 1, 6 and 7). Each case is an
attack that succeeded before: a scenario name that escapes --out, a user's
file or folder where a result goes, bytes that are not UTF-8, an `extends:`
that reads a file that is not a scenario or cannot be read.
Run by CTest: /usr/bin/python3 output_place_test.py AISIM_BINARY
"""

import os
import subprocess
import sys
import tempfile

BIN = os.path.abspath(sys.argv[1])
ENV = dict(os.environ, AISIM_NO_CHARTS="1")
failures = []
passed = 0


def aisim(args, cwd):
    args = [a if isinstance(a, bytes) else a.encode() for a in args]
    proc = subprocess.run([BIN.encode()] + args, cwd=cwd, capture_output=True, timeout=120, env=ENV)
    return proc.returncode, (proc.stdout + proc.stderr).decode("utf-8", "replace")


def check(name, ok, detail=""):
    global passed
    print(f"{'ok  ' if ok else 'FAIL'} {name}" + ("" if ok else f"\n     {detail}"))
    if ok:
        passed += 1
    else:
        failures.append(name)


def tree(root):
    """Every path below root with its bytes, to prove nothing changed."""
    found = {}
    for folder, _, files in os.walk(root):
        found[folder] = None
        for f in files:
            with open(os.path.join(folder, f), "rb") as handle:
                found[os.path.join(folder, f)] = handle.read()
    return found


with tempfile.TemporaryDirectory() as work:
    victim = os.path.join(work, "victim")
    os.makedirs(victim)
    with open(os.path.join(victim, "thesis.txt"), "w") as f:
        f.write("two years of work\n")
    with open(os.path.join(work, "evil.yaml"), "w") as f:
        f.write("")
    before = tree(work)

    # 1. A scenario name that is a path: refused where it is set, nothing written.
    for label, name in [("relative", "../victim"), ("absolute", victim), ("dot-dot", ".."),
                        ("hidden", ".x"), ("option-like", "-x"), ("long", "n" * 81)]:
        with open(os.path.join(work, "evil.yaml"), "w") as f:
            f.write(f"extends: world-2025.yaml\nname: '{name}'\n")
        code, out = aisim(["run", "evil.yaml", "--out", "out"], work)
        check(f"name: {label} is refused with its line", code == 2 and "evil.yaml:2:7: error: the scenario name" in out,
              out)
        code, out = aisim(["run", "--set", f"name={name}", "--out", "out"], work)
        check(f"--set name= {label} is refused", code == 2 and "--set:1:6: error: the scenario name" in out, out)
        code, out = aisim(["compare", "world-2025", "evil.yaml", "--out", "out"], work)
        check(f"compare with name: {label} is refused", code == 2 and "the scenario name" in out, out)
    after = tree(work)
    after.pop(os.path.join(work, "evil.yaml")), before.pop(os.path.join(work, "evil.yaml"))
    check("nothing was written or deleted by the refused names", after == before,
          sorted(set(after) ^ set(before)))

    # 1. A user's folder or file where a result would go is never replaced.
    mine = os.path.join(work, "mine", "world-2025")
    os.makedirs(mine)
    with open(os.path.join(mine, "notes.txt"), "w") as f:
        f.write("mine\n")
    code, out = aisim(["run", "--out", "mine"], work)
    check("a user's folder at OUT/<scenario> is kept", code == 2 and "was not written by aisim" in out
          and os.listdir(mine) == ["notes.txt"], out)
    os.makedirs(os.path.join(work, "files"))
    with open(os.path.join(work, "files", "world-2025"), "w") as f:
        f.write("a file\n")
    code, out = aisim(["run", "--out", "files"], work)
    check("a user's file at OUT/<scenario> is kept",
          code == 2 and "is not a results folder" in out and open(os.path.join(work, "files", "world-2025")).read() == "a file\n",
          out)
    os.symlink(victim, os.path.join(work, "files", "korea-2026-ai-budget"))
    code, out = aisim(["run", "korea-2026-ai-budget", "--out", "files"], work)
    check("a link at OUT/<scenario> is kept, and so is its target",
          code == 2 and "a link" in out and os.listdir(victim) == ["thesis.txt"], out)

    # 1. aisim's own result is replaced; one a user added to is not.
    code, out = aisim(["run", "--out", "own"], work)
    code2, out2 = aisim(["run", "--out", "own"], work)
    check("aisim replaces its own result", code == 0 and code2 == 0, out + out2)
    with open(os.path.join(work, "own", "world-2025", "my-notes.md"), "w") as f:
        f.write("notes\n")
    code, out = aisim(["run", "--out", "own"], work)
    check("a result a user added a file to is kept",
          code == 2 and "holds 'my-notes.md'" in out and os.path.exists(os.path.join(work, "own", "world-2025", "my-notes.md")),
          out)
    code, out = aisim(["compare", "world-2025", "korea-2026-ai-budget", "--out", "cmp"], work)
    check("compare writes inside --out only",
          code == 0 and os.listdir(os.path.join(work, "cmp")) == ["compare-world-2025-vs-korea-2026-ai-budget"], out)

    # 6. Bytes that are not UTF-8: located, before anything runs.
    with open(os.path.join(work, "latin.yaml"), "wb") as f:
        f.write(b"extends: world-2025.yaml\ndescription: Caf\xe9 policy\n")
    for command in (["validate"], ["run", "--out", "latin-out"]):
        code, out = aisim([command[0], "latin.yaml"] + command[1:], work)
        check(f"{command[0]}: a Latin-1 byte is located", code == 2 and "latin.yaml:2:17: error: byte 0xE9 is not valid UTF-8" in out,
              out)
    check("nothing written for the Latin-1 file", not os.path.exists(os.path.join(work, "latin-out")))
    code, out = aisim(["run", "--set", b"description=caf\xe9", "--out", "latin-out"], work)
    check("--set with a Latin-1 byte is located", code == 2 and "--set:1:16: error: byte 0xE9" in out, out)
    with open(os.path.join(work, "overlong.yaml"), "wb") as f:
        f.write(b"extends: world-2025.yaml\ndescription: \xc0\xaf\n")
    code, out = aisim(["validate", "overlong.yaml"], work)
    check("an overlong UTF-8 form is refused", code == 2 and "byte 0xC0" in out, out)

    # 6. extends: a file that is not a scenario is not read (its contents never
    # appear in an error), and a read that fails is an error, not an empty base.
    with open(os.path.join(work, "secret.txt"), "w") as f:
        f.write("root:SECRET-HASH:19000:0:99999:7:::\n")
    with open(os.path.join(work, "leak.yaml"), "w") as f:
        f.write("extends: secret.txt\n")
    code, out = aisim(["validate", "leak.yaml"], work)
    check("extends: a non-scenario file is refused without quoting it",
          code == 2 and "not a scenario file" in out and "SECRET" not in out, out)
    os.symlink("/proc/self/mem", os.path.join(work, "unreadable.yaml"))
    with open(os.path.join(work, "eio.yaml"), "w") as f:
        f.write("extends: unreadable.yaml\n")
    code, out = aisim(["validate", "eio.yaml"], work)
    check("extends: a file whose read fails (EIO) is an error", code == 2 and "cannot read" in out
          and "Input/output error" in out, out)

print(f"{passed} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
