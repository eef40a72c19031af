#!/usr/bin/env python3
"""List the names of CPython's `dir(builtins)` that Frostbyte's VM lacks.

Writes a probe program that looks each name up and runs it with `frostbyte run`:

    python3 tests/missing_builtins.py [path/to/frostbyte]

(default: target/debug/frostbyte; build it with `cargo build -p frostbyte-cli`).
"""

import builtins
import os
import subprocess
import sys
import tempfile


def probe_source(names):
    lines = ["missing = []"]
    for n in names:
        lines.append(f"try:\n    {n}\nexcept NameError:\n    missing.append({n!r})")
    lines.append("print(len(missing))")
    lines.append("for n in missing:\n    print(n)")
    return "\n".join(lines) + "\n"


def main(argv):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    exe = argv[1] if len(argv) > 1 else os.path.join(root, "target", "debug", "frostbyte")
    names = [n for n in dir(builtins) if n.isidentifier()]
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "probe.py")
        with open(path, "w") as f:
            f.write(probe_source(names))
        proc = subprocess.run([exe, "run", path], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if proc.returncode != 0:
        sys.stdout.write(proc.stdout)
        return 1
    out = proc.stdout.split()
    print(f"{out[0]} of {len(names)} names of CPython {sys.version.split()[0]}'s builtins are missing:")
    for n in out[1:]:
        print(" ", n)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
