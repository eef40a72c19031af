#!/usr/bin/env python3
"""Regenerate (or check) the expected output of the Frostbyte conformance corpus.

The corpus
----------
Every test is a plain Python program whose output is compared byte for byte with
CPython's:

* ``tests/corpus/<name>.py``       -- single-file test, expected output in
                                      ``tests/corpus/<name>.py.exp``
* ``tests/corpus/<name>/main.py``  -- multi-module test (sibling modules and
                                      packages live in the same directory),
                                      expected output in
                                      ``tests/corpus/<name>/main.py.exp``

Other ``.py`` files inside a test directory are modules imported by its
``main.py``; they are not tests of their own.

How the expected output is produced
-----------------------------------
Each program is run as ``python3 -u <file>`` with the working directory set to
the file's directory.  stderr is redirected into the same pipe as stdout, so
the interleaving of normal output and tracebacks is preserved.  The child gets
``PYTHONIOENCODING=utf-8`` and ``PYTHONDONTWRITEBYTECODE=1`` (no
``__pycache__`` directories appear in the corpus); ``PYTHONPATH`` and
``PYTHONSTARTUP`` are removed from its environment.

The captured text is then normalized by :func:`normalize`:

1. Inside a traceback block (from a ``Traceback (most recent call last):``
   line up to and including the final ``ExcType: message`` line), the source
   code lines and the caret/tilde marker lines that CPython prints under each
   ``  File "...", line N, in f`` line are dropped.  Kept are: the
   ``Traceback ...`` header, the ``  File ...`` lines, any other line indented
   by exactly two spaces (e.g. ``  [Previous line repeated 5 more times]``),
   and the final exception line.  Lines outside traceback blocks -- ordinary
   program output, blank lines and the chaining sentences ("The above exception
   was the direct cause of the following exception:", "During handling of the
   above exception, another exception occurred:") -- are kept unchanged.
   An exception group prints its members in boxes whose lines start with a
   margin (``  | ``, or ``  + `` before the group's own header); the rules above
   apply to the text after the margin, and ``Exception Group Traceback (most
   recent call last):`` opens a block like ``Traceback ...`` does.
2. In ``  File "<path>", line N, in f`` lines the path is reduced to its base
   name: ``File "/any/where/pkg/mod.py"`` becomes ``File "mod.py"``.

Finally :func:`expected_output` appends a last line ``[exit N]`` (terminated by
a newline) when the exit status N is not 0.  If the program's output does not
end with a newline, a newline is inserted before ``[exit N]`` so that it is
always on its own line.

Other tools (the Rust test harness's helpers, ad-hoc scripts) can reuse the
same rules::

    import sys; sys.path.insert(0, "tests")
    from regen import normalize, expected_output

Usage
-----
    python3 tests/regen.py                  # regenerate every .exp file
    python3 tests/regen.py --check          # compare; non-zero exit on any difference
    python3 tests/regen.py --only int_big_pow --only 'import_*'
    python3 tests/regen.py --check --hashseed 1     # fix PYTHONHASHSEED for the children
    python3 tests/regen.py --python /usr/bin/python3.11

``--only`` takes a test name (``int_big_pow``, ``int_big_pow.py``,
``import_basic``) or an fnmatch pattern over names and may be repeated.
``--check`` prints a unified diff for each mismatch (truncated) and lists
missing ``.exp`` files.  Both modes warn about ``.exp`` files that no longer
have a test, and about outputs that contain the absolute corpus path (a sign
that a test depends on where the repository lives).

Exit status: 0 on success, 1 if --check found differences (or a test could not
be run), 2 on usage errors.
"""

import argparse
import concurrent.futures
import difflib
import fnmatch
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
TIMEOUT_SECONDS = 120

TRACEBACK_HEADER = "Traceback (most recent call last):"
GROUP_TRACEBACK_HEADER = "Exception Group Traceback (most recent call last):"
_GROUP_MARGIN = re.compile(r"^(?:  )+[|+] ")
_FILE_LINE = re.compile(r'^(  File ")([^"]*)(".*)$')


def _reduce_path(line):
    """``  File "/a/b/x.py", line 3, in f`` -> ``  File "x.py", line 3, in f``."""
    m = _FILE_LINE.match(line)
    if not m:
        return line
    path = m.group(2)
    base = re.split(r"[\\/]", path)[-1]
    return m.group(1) + base + m.group(3)


def normalize(text):
    """Apply the traceback and path normalization rules to captured output.

    ``text`` is the combined stdout+stderr of one run (a ``str``).  Line
    endings are preserved; only whole lines are removed or rewritten.
    """
    out = []
    in_traceback = False
    for line in text.splitlines(keepends=True):
        full = line.rstrip("\r\n")
        # Inside a printed exception group every line carries a margin ("  | ", or
        # "  + " before the group's own header); the rules apply to what follows it.
        m = _GROUP_MARGIN.match(full)
        margin = m.group(0) if m else ""
        body = full[len(margin):]
        if body in (TRACEBACK_HEADER, GROUP_TRACEBACK_HEADER):
            in_traceback = True
            out.append(line)
            continue
        if in_traceback:
            if body.startswith("  File "):
                out.append(margin + _reduce_path(body) + line[len(full):])
                continue
            if body.startswith("    "):
                # Source line or ^^^/~~~ marker line under a File line.
                continue
            if body.startswith("  ") and body.strip():
                # e.g. "  [Previous line repeated 996 more times]"
                out.append(line)
                continue
            # The "ExcType: message" line ends the traceback block.
            in_traceback = False
        out.append(line)
    return "".join(out)


def expected_output(raw_text, returncode):
    """Normalize ``raw_text`` and append ``[exit N]`` when ``returncode`` != 0."""
    text = normalize(raw_text)
    if returncode != 0:
        if text and not text.endswith("\n"):
            text += "\n"
        text += "[exit %d]\n" % returncode
    return text


def discover(corpus=CORPUS):
    """Return a sorted list of (name, path) for every test in the corpus."""
    tests = []
    for entry in sorted(os.listdir(corpus)):
        full = os.path.join(corpus, entry)
        if os.path.isfile(full) and entry.endswith(".py"):
            tests.append((entry[:-3], full))
        elif os.path.isdir(full) and os.path.isfile(os.path.join(full, "main.py")):
            tests.append((entry, os.path.join(full, "main.py")))
    return tests


def exp_path(test_path):
    return test_path + ".exp"


def _child_env(hashseed):
    env = dict(os.environ)
    for var in ("PYTHONPATH", "PYTHONSTARTUP", "PYTHONHOME", "PYTHONINSPECT",
                "PYTHONWARNINGS", "PYTHONSAFEPATH"):
        env.pop(var, None)
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    if hashseed is not None:
        env["PYTHONHASHSEED"] = str(hashseed)
    return env


def run_test(python, test_path, hashseed=None):
    """Run one test; return (expected_text, error_message_or_None)."""
    directory, filename = os.path.split(test_path)
    try:
        proc = subprocess.run(
            [python, "-u", filename],
            cwd=directory,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env=_child_env(hashseed),
            timeout=TIMEOUT_SECONDS,
        )
    except subprocess.TimeoutExpired:
        return None, "timed out after %d s" % TIMEOUT_SECONDS
    except OSError as e:
        return None, "cannot run %s: %s" % (python, e)
    if proc.returncode < 0:
        return None, "killed by signal %d" % -proc.returncode
    raw = proc.stdout.decode("utf-8", errors="surrogateescape")
    return expected_output(raw, proc.returncode), None


def read_text(path):
    with open(path, "r", encoding="utf-8", errors="surrogateescape", newline="") as f:
        return f.read()


def write_text(path, text):
    with open(path, "w", encoding="utf-8", errors="surrogateescape", newline="") as f:
        f.write(text)


def select(tests, patterns):
    if not patterns:
        return tests
    chosen = []
    for name, path in tests:
        rel = os.path.relpath(path, CORPUS)
        for pat in patterns:
            pat = pat.rstrip("/")
            if pat.endswith(".py") and not pat.endswith("main.py"):
                pat = pat[:-3]
            if fnmatch.fnmatchcase(name, pat) or fnmatch.fnmatchcase(rel, pat):
                chosen.append((name, path))
                break
    return chosen


def orphans(tests, corpus=CORPUS):
    """.exp files that no longer belong to a test."""
    wanted = {exp_path(p) for _, p in tests}
    found = []
    for root, _dirs, files in os.walk(corpus):
        for f in files:
            if f.endswith(".exp"):
                full = os.path.join(root, f)
                if full not in wanted:
                    found.append(os.path.relpath(full, corpus))
    return sorted(found)


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Regenerate or check tests/corpus/**/*.exp from CPython output.")
    ap.add_argument("--check", action="store_true",
                    help="compare fresh output with the .exp files instead of writing them")
    ap.add_argument("--only", action="append", metavar="NAME",
                    help="only this test (name or fnmatch pattern); may be repeated")
    ap.add_argument("--python", default=os.environ.get("FROSTBYTE_CPYTHON", "python3"),
                    help="CPython interpreter to use (default: python3, or $FROSTBYTE_CPYTHON)")
    ap.add_argument("--hashseed", metavar="N",
                    help="set PYTHONHASHSEED=N for the children (default: inherited/random)")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                    help="number of tests to run in parallel")
    ap.add_argument("-q", "--quiet", action="store_true", help="only print problems")
    args = ap.parse_args(argv)

    all_tests = discover()
    tests = select(all_tests, args.only)
    if args.only and not tests:
        print("regen: no test matches %s" % ", ".join(args.only), file=sys.stderr)
        return 2

    try:
        version = subprocess.run([args.python, "--version"], stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT).stdout.decode().strip()
    except OSError as e:
        print("regen: cannot run %s: %s" % (args.python, e), file=sys.stderr)
        return 2
    if not args.quiet:
        print("regen: %s, %d test(s)%s" % (version, len(tests),
              ", PYTHONHASHSEED=%s" % args.hashseed if args.hashseed is not None else ""))

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(lambda t: run_test(args.python, t[1], args.hashseed), tests))

    failures = 0
    written = 0
    unchanged = 0
    corpus_abs = os.path.realpath(CORPUS)
    for (name, path), (text, err) in zip(tests, results):
        rel = os.path.relpath(path, CORPUS)
        if err is not None:
            print("ERROR  %s: %s" % (rel, err))
            failures += 1
            continue
        if corpus_abs in text or CORPUS in text:
            print("WARN   %s: output contains the corpus path (location dependent)" % rel)
        target = exp_path(path)
        old = read_text(target) if os.path.exists(target) else None
        if args.check:
            if old is None:
                print("MISSING %s" % os.path.relpath(target, CORPUS))
                failures += 1
            elif old != text:
                print("DIFF   %s" % rel)
                diff = list(difflib.unified_diff(
                    old.splitlines(keepends=True), text.splitlines(keepends=True),
                    fromfile=os.path.relpath(target, CORPUS), tofile="fresh run"))
                sys.stdout.write("".join(diff[:60]))
                if len(diff) > 60:
                    print("... (%d more diff lines)" % (len(diff) - 60))
                failures += 1
            else:
                unchanged += 1
        else:
            if old != text:
                write_text(target, text)
                written += 1
                if not args.quiet:
                    print("wrote  %s" % os.path.relpath(target, CORPUS))
            else:
                unchanged += 1

    if not args.only:
        for orphan in orphans(all_tests):
            print("WARN   stale expectation without a test: %s" % orphan)

    if args.check:
        print("regen --check: %d ok, %d problem(s)" % (unchanged, failures))
    elif not args.quiet or failures:
        print("regen: %d written, %d unchanged, %d error(s)" % (written, unchanged, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
