# Sequence patterns: fixed and starred, list and tuple syntax; what counts as a sequence.


def seq(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one {x!r}"
        case [x, y]:
            return f"two {x!r} {y!r}"
        case (1, *rest):
            return f"starts with 1, rest {rest!r}"
        case [*init, "end"]:
            return f"ends, init {init!r}"
        case [a, *mid, b] if len(mid) > 2:
            return f"long {a!r} {mid!r} {b!r}"
        case [first, *_, last]:
            return f"first {first!r} last {last!r}"
    return "no match"


for v in [[], (), [1], (2,), [1, 2], (1, 2, 3), [1], ["a", "b", "end"], [5, 6, 7, 8, 9, 0],
          [5, 6, 7], range(4), range(0), range(1, 2), "ab", b"ab", bytearray(b"ab") if False else "xy",
          {1: 2}, {1, 2}, 7, None, (1, 2, 3, 4)]:
    print(repr(v), "->", seq(v))

# Star captures always give lists.
match (1, 2, 3):
    case (*a, b):
        print(a, b, type(a).__name__)
match range(5):
    case [0, *r]:
        print(r)
match [1]:
    case [1, *r]:
        print("empty rest", r)

# Nested sequences.
def nested(v):
    match v:
        case [(x, y), [z, *w]]:
            return (x, y, z, w)
        case [[[deep]]]:
            return deep
    return None


print(nested([(1, 2), [3, 4, 5]]), nested([[["d"]]]), nested([[1], [2]]))

# str, bytes are never sequences here.
for s in ["abc", b"abc", "a"]:
    match s:
        case [*chars]:
            print("sequence", chars)
        case [c]:
            print("one", c)
        case _:
            print("not a sequence", repr(s))

# Subclasses of list are sequences.
class MyList(list):
    pass


match MyList([1, 2]):
    case [a, b]:
        print("MyList", a, b)

# [*_, x] indexes instead of unpacking (a long range is fine).
match range(10**9):
    case [0, 1, *_, last]:
        print("last", last)
match range(10**9):
    case [*_, a, b]:
        print("tail", a, b)

# Dicts and sets are not sequences; generators neither.
match (x for x in [1]):
    case [y]:
        print("gen matched")
    case _:
        print("gen is not a sequence")

# Wildcard-only sequences just check type and length.
for v in [[1, 2], [1], (1, 2, 3)]:
    match v:
        case [_, _]:
            print("pair")
        case [_, _, *_]:
            print("at least two")
        case [*_]:
            print("any sequence")
