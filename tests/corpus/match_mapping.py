# Mapping patterns: keys, **rest, extra keys ignored, get-like lookups, duplicate keys.


def mp(v):
    match v:
        case {}:
            pass
    match v:
        case {"type": "point", "x": x, "y": y}:
            return f"point {x},{y}"
        case {"type": "circle", "r": r, **rest}:
            return f"circle {r} rest {rest}"
        case {1: one, -2: minus_two}:
            return f"ints {one} {minus_two}"
        case {**everything} if not everything:
            return "empty mapping"
        case {**everything}:
            return f"other mapping {sorted(everything.items())}"
    return "not a mapping"


for v in [{"type": "point", "x": 1, "y": 2},
          {"type": "point", "x": 1, "y": 2, "z": 3},
          {"type": "circle", "r": 5, "color": "red", "fill": True},
          {"type": "circle", "r": 5},
          {1: "a", -2: "b"},
          {1: "a"},
          {},
          {"type": "square"},
          [("type", "point")],
          "abc",
          None]:
    print(mp(v))

# Values are looked up with get(): __missing__ is never called.
class Defaulting(dict):
    def __missing__(self, key):
        print("missing called", key)
        return 0


match Defaulting(a=1):
    case {"b": b}:
        print("b", b)
    case {"a": a}:
        print("a", a)

# A subclass's own get() is used.
class Logged(dict):
    def get(self, key, default=None):
        print("get", key)
        return super().get(key, default)


match Logged(x=1, y=2):
    case {"y": y, "x": x}:
        print("logged", x, y)

# **rest is a fresh dict without the matched keys.
d = {"a": 1, "b": 2, "c": 3}
match d:
    case {"a": _, **rest}:
        rest["z"] = 26
        print(rest, d)

# Dotted-name keys.
class K:
    A = "a"
    B = "b"


match {"a": 10, "b": 20}:
    case {K.A: av, K.B: bv}:
        print(av, bv)

# Same key twice at run time (a value pattern equal to a literal).
class One:
    ONE = 1


try:
    match {1: "x", 2: "y"}:
        case {One.ONE: a, 1: b}:
            print("unreachable")
except ValueError as e:
    print("ValueError:", e)

# Unhashable key from a value pattern.
class L:
    KEY = []


try:
    match {1: 2}:
        case {L.KEY: v}:
            print(v)
except TypeError as e:
    print("TypeError:", e)

# Nested mappings and sequences.
config = {"servers": [{"host": "a", "port": 1}, {"host": "b"}], "debug": False}
match config:
    case {"servers": [{"host": h1, "port": p1}, {"host": h2}], "debug": False | None as dbg}:
        print(h1, p1, h2, dbg)
