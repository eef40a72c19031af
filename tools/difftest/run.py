#!/usr/bin/env python3
"""Differential testing of Frostbyte against CPython on generated programs.

    python3 tools/difftest/run.py --seed S --count N [--jobs 2]
    python3 tools/difftest/run.py --seed S --minutes M [--jobs 2] [--known]
    python3 tools/difftest/run.py --replay FILE.py      # compare one program, print both outputs

Each program (gen.generate(seed, i)) runs under `frostbyte run` and `python3`; the outputs
(stdout, then stderr, then `[exit N]` when the status is not 0; traceback paths reduced to
their base name, CPython's source/caret lines dropped, as tests/regen.py and the Rust harness
do) must be identical. A divergence, or a crash or timeout of Frostbyte, is minimised (delta
debugging over statements, see minimize.py) and saved as findings/<seed>-<i>.py (the program)
and findings/<seed>-<i>.out (kind, both outputs, diff). Exit status: 0 when no divergence was
found, 1 otherwise, 2 on usage or build errors. See README.md.
"""

import argparse
import collections
import concurrent.futures
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "tests"))

import gen  # noqa: E402
import minimize  # noqa: E402
from regen import normalize as cpython_normalize  # noqa: E402

FROSTBYTE_TIMEOUT = 10.0
CPYTHON_TIMEOUT = 20.0
FINDINGS = os.path.join(HERE, "findings")
_COMPILE_ERROR = re.compile(r"^\S+:\d+:\d+: ", re.M)


def frostbyte_binary(build=True):
    target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target")
    exe = os.path.join(target, "debug", "frostbyte")
    if not os.path.exists(exe) and build:
        print("building frostbyte-cli ...", flush=True)
        subprocess.run(["cargo", "build", "-p", "frostbyte-cli"], cwd=ROOT, check=True)
    return exe


def _child_env():
    env = dict(os.environ)
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONHASHSEED"] = "0"
    env.pop("PYTHONPATH", None)
    env.pop("PYTHONSTARTUP", None)
    return env


def _status_suffix(text, code, timed_out):
    if code != 0:
        if text and not text.endswith("\n"):
            text += "\n"
        text += "[exit %d]\n" % code if code > 0 else "[killed by signal %d]\n" % -code
    if timed_out:
        text += "[timed out]\n"
    return text


def run_cpython(path):
    try:
        p = subprocess.run([sys.executable, "-u", path], cwd=os.path.dirname(path), env=_child_env(),
                           stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=CPYTHON_TIMEOUT)
    except subprocess.TimeoutExpired as e:
        return _status_suffix(cpython_normalize((e.stdout or b"").decode("utf-8", "replace")), 0, True)
    text = cpython_normalize(p.stdout.decode("utf-8", "replace"))
    return _status_suffix(text, p.returncode, False)


def run_frostbyte(exe, path):
    """(normalised output, raw stderr) of `frostbyte run path`."""
    for attempt in range(60):
        try:
            p = subprocess.run([exe, "run", path], cwd=os.path.dirname(path), stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=FROSTBYTE_TIMEOUT)
            out, err, code, timed_out = p.stdout, p.stderr, p.returncode, False
            break
        except subprocess.TimeoutExpired as e:
            out, err, code, timed_out = e.stdout or b"", e.stderr or b"", 0, True
            break
        except OSError:  # the binary is being rebuilt: wait for it (a minute at most)
            if attempt == 59:
                raise
            time.sleep(1)
    err_text = err.decode("utf-8", "replace")
    # The same normalisation as CPython's output: `frostbyte run` prints source lines under
    # traceback File lines too.
    text = cpython_normalize(out.decode("utf-8", "replace") + err_text)
    return _status_suffix(text, code, timed_out), err_text


def classify(fb, fb_err, cp):
    """Kind of divergence between Frostbyte's output `fb` and CPython's `cp` (None if equal)."""
    if fb == cp:
        return None
    if fb.endswith("[timed out]\n"):
        return "timeout"
    status = re.search(r"\[(?:exit (\d+)|killed by signal \d+)\]\n$", fb)
    if "panicked at" in fb_err or (status and status.group(1) not in ("1",)):
        return "crash"
    if _COMPILE_ERROR.search(fb_err):
        return "compile"
    fl, cl = fb.splitlines(), cp.splitlines()
    for a, b in zip(fl, cl):
        if a != b:
            if a.startswith("! ") and b.startswith("! "):
                if a.split()[1] != b.split()[1]:
                    return "exc-type"
                return "exc-message"
            if a.startswith("! ") or b.startswith("! "):
                return "raises-vs-value"
            if "Traceback" in a or "Traceback" in b or a.startswith("  File") or b.startswith("  File"):
                return "traceback"
            return "value"
    return "output-length"


def signature(kind, fb, cp):
    """What must stay the same while a divergence is minimised: its kind and, for output
    differences, the first differing line of each output (so that the minimiser does not drift
    to another divergence, e.g. one it creates by deleting a definition)."""
    if kind in (None, "timeout", "crash", "compile", "generator-timeout"):
        return kind
    for a, b in zip(fb.splitlines(), cp.splitlines()):
        if a != b:
            return kind, a, b
    return kind, len(fb.splitlines()) - len(cp.splitlines())


class Runner:
    def __init__(self, exe, workdir):
        self.exe = exe
        self.workdir = workdir
        self.lock = threading.Lock()
        self.counter = 0

    def _path(self):
        with self.lock:
            self.counter += 1
            d = os.path.join(self.workdir, "p%d" % self.counter)
        os.makedirs(d, exist_ok=True)
        return os.path.join(d, "prog.py")

    def compare(self, source):
        """(kind or None, frostbyte output, cpython output)."""
        path = self._path()
        with open(path, "w", encoding="utf-8") as f:
            f.write(source)
        try:
            cp = run_cpython(path)
            if cp.endswith("[timed out]\n"):
                return "generator-timeout", "", cp
            fb, fb_err = run_frostbyte(self.exe, path)
            return classify(fb, fb_err, cp), fb, cp
        finally:
            shutil.rmtree(os.path.dirname(path), ignore_errors=True)


def write_finding(runner, name, source, kind, note):
    os.makedirs(FINDINGS, exist_ok=True)
    header = "# difftest finding %s (%s); %s\n" % (name, kind, note)
    source = header + source
    kind2, fb, cp = runner.compare(source)
    py = os.path.join(FINDINGS, name + ".py")
    with open(py, "w", encoding="utf-8") as f:
        f.write(source)
    diff = "".join(difflib.unified_diff(cp.splitlines(True), fb.splitlines(True), "cpython", "frostbyte"))
    with open(os.path.join(FINDINGS, name + ".out"), "w", encoding="utf-8") as f:
        f.write("kind: %s\n\n--- CPython output\n%s\n--- Frostbyte output\n%s\n--- diff\n%s" % (
            kind2 or "(no longer diverges)", cp, fb, diff))
    return py


def check_one(runner, seed, i, known, do_minimize):
    source = gen.generate(seed, i, known=known)
    kind, fb, cp = runner.compare(source)
    if kind is None or kind == "generator-timeout":
        return kind, None
    path = None
    if do_minimize:
        sig = signature(kind, fb, cp)
        try:
            small = minimize.minimize(source, lambda s: signature(*runner.compare(s)) == sig)
            note = "minimised from gen.generate(%r, %d, known=%s)" % (seed, i, known)
        except Exception as e:  # a minimiser bug must not lose the finding
            small = source
            note = "not minimised (%s: %s); gen.generate(%r, %d, known=%s)" % (
                type(e).__name__, e, seed, i, known)
        path = write_finding(runner, "%s-%d" % (seed, i), small, kind, note)
    return kind, path


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", default="0")
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--start", type=int, default=0, help="index of the first program")
    ap.add_argument("--minutes", type=float, help="keep generating until the time is up")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--known", action="store_true",
                    help="also emit the constructs listed in gen.KNOWN_DIVERGENCES")
    ap.add_argument("--no-minimize", action="store_true")
    ap.add_argument("--print", type=int, metavar="I", help="print program I of the seed and exit")
    ap.add_argument("--replay", metavar="FILE", help="compare one program file and print both outputs")
    args = ap.parse_args(argv)

    if args.print is not None:
        sys.stdout.write(gen.generate(args.seed, args.print, known=args.known))
        return 0
    exe = frostbyte_binary()
    workdir = tempfile.mkdtemp(prefix="difftest-")
    runner = Runner(exe, workdir)
    try:
        if args.replay:
            with open(args.replay, encoding="utf-8") as f:
                kind, fb, cp = runner.compare(f.read())
            print("kind:", kind or "identical")
            if kind:
                sys.stdout.writelines(difflib.unified_diff(cp.splitlines(True), fb.splitlines(True),
                                                           "cpython", "frostbyte"))
            return 1 if kind else 0
        return batch(args, runner)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def batch(args, runner):
    start = time.monotonic()
    deadline = start + args.minutes * 60 if args.minutes else None
    kinds = collections.Counter()
    found = []
    compared = 0
    lock = threading.Lock()
    next_index = [args.start]

    def take():
        with lock:
            if deadline is None and next_index[0] >= args.start + args.count:
                return None
            if deadline is not None and time.monotonic() > deadline:
                return None
            i = next_index[0]
            next_index[0] += 1
            return i

    def worker():
        nonlocal compared
        while True:
            i = take()
            if i is None:
                return
            kind, path = check_one(runner, args.seed, i, args.known, not args.no_minimize)
            with lock:
                compared += 1
                if kind == "generator-timeout":
                    print("program %s-%d: CPython timed out (generator bug)" % (args.seed, i), flush=True)
                    kinds[kind] += 1
                elif kind:
                    kinds[kind] += 1
                    found.append((i, kind, path))
                    print("program %s-%d: %s%s" % (args.seed, i, kind, " -> " + path if path else ""),
                          flush=True)

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(max(1, args.jobs))]
    for t in threads:
        t.start()
    try:
        for t in threads:
            while t.is_alive():
                t.join(0.5)
    except KeyboardInterrupt:  # Ctrl-C (or SIGTERM, see main): stop, but still summarise
        print("interrupted", flush=True)
    elapsed = time.monotonic() - start
    print("difftest: %d programs compared (seed %s, %s), %.1f s, %d divergent%s" % (
        compared, args.seed, "known constructs on" if args.known else "known divergences avoided",
        elapsed, len(found), "" if not kinds else ": " + ", ".join(
            "%s %d" % kv for kv in sorted(kinds.items()))))
    return 1 if kinds else 0


if __name__ == "__main__":
    import signal

    signal.signal(signal.SIGTERM, signal.default_int_handler)
    sys.exit(main())
