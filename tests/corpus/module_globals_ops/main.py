"""Dict operations on module globals: popitem, clear, copy, compare, iterate, star imports,
and the main module imported again under its own name."""

import scratch
from star_src import *

print(alpha, gamma, "beta" in globals())
if __name__ == "__main__":
    ns = vars(scratch)
    print(scratch.names())
    popped = ns.popitem()[0]
    print(popped, [k for k in ns if not k.startswith("__")])
    scratch.names = lambda: [k for k in vars(scratch) if not k.startswith("__")]
    print(scratch.names())
    copy = dict(ns)
    print(copy == ns, len(copy) == len(ns), sorted(k for k in copy if not k.startswith("__")))
    try:
        for k in ns:
            ns["added_" + k] = 1
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(sorted(k for k in ns if k.startswith("added_")))
    ns.clear()
    print(len(ns), dict(ns))
    try:
        scratch.missing
    except AttributeError as e:
        print("AttributeError:", e)
    ns["fresh"] = "after clear"
    print(list(ns.items()))

print(list(reversed([k for k in globals() if not k.startswith("__")]))[:4])
print(__name__ in ("__main__", "main"), isinstance(__doc__, str))
counter = 0

def bump():
    global counter
    counter += 1
    return counter

print(bump(), bump(), counter)
if __name__ == "__main__":
    import main as again
    print("again:", again.counter, again.__name__, again is not None)
