# Size arithmetic on huge repetition counts and lengths: each must raise promptly, with
# CPython's exception type and message, never wrap around (a segfault before the fix).


def attempt(label, f):
    try:
        r = f()
    except (MemoryError, OverflowError, ValueError) as e:
        print(label, type(e).__name__, e)
    else:
        print(label, "ok", type(r).__name__, len(r))


attempt("tuple*2**61", lambda: (1,) * 2**61)
attempt("tuple*2**62", lambda: (1, 2) * 2**62)
attempt("2**62*tuple", lambda: 2**62 * (1,))
attempt("list*2**61", lambda: [1] * 2**61)
attempt("list*2**62", lambda: [1, 2] * 2**62)
attempt("list*2**63", lambda: [1] * 2**63)
attempt("str*2**63", lambda: "a" * 2**63)
attempt("str*-2**64", lambda: "a" * -2**64)
attempt("str*2**62", lambda: "a" * 2**62)
attempt("str2*2**62", lambda: "ab" * 2**62)
attempt("joined*2**61", lambda: "-".join("abc") * 2**61)
attempt("bytes*2**62", lambda: b"a" * 2**62)
attempt("bytes2*2**62", lambda: b"ab" * 2**62)
attempt("bytes*2**63", lambda: b"a" * 2**63)
attempt("bytes(2**62)", lambda: bytes(2**62))
attempt("bytes(2**63)", lambda: bytes(2**63))
attempt("bytes(-1)", lambda: bytes(-1))
attempt("bytearray(2**62)", lambda: bytearray(2**62))
attempt("str*-1", lambda: "abc" * -1)
attempt("list*-5", lambda: [1, 2] * -5)
attempt("tuple*-2**63", lambda: (1,) * -2**63)
attempt("empty*2**62", lambda: () * 2**62)
attempt("empty list*2**62", lambda: [] * 2**62)
attempt("empty str*2**62", lambda: "" * 2**62)


def imul(x, n):
    x *= n
    return x


attempt("list*=2**62", lambda: imul([1], 2**62))
attempt("list*=2**63", lambda: imul([1], 2**63))
attempt("tuple*=2**61", lambda: imul((1,), 2**61))
attempt("str*=2**62", lambda: imul("a", 2**62))
attempt("bytes*=2**62", lambda: imul(b"a", 2**62))
# The VM is still usable afterwards.
print((1, 2) * 3, [0] * 4, "ab" * 3, b"x" * 2)


# Huge indices: list methods read them as CPython does (clamped slice-style bounds, or
# OverflowError past an index).
def call(label, f):
    try:
        print(label, f())
    except (IndexError, OverflowError, TypeError, ValueError) as e:
        print(label, type(e).__name__, e)


l = [1, 2, 3]
call("index huge bounds", lambda: l.index(2, -2**63, 2**63))
call("index bigint bounds", lambda: l.index(3, -2**100, 2**100))
call("index bad bound", lambda: l.index(3, "a"))
call("pop 2**63", lambda: l.pop(2**63))
call("pop -2**63", lambda: l.pop(-2**63))
call("pop str", lambda: l.pop("a"))
call("insert 2**62", lambda: l.insert(2**62, 4))
call("insert -2**62", lambda: l.insert(-2**62, 0))
call("insert 2**100", lambda: l.insert(2**100, 5))
call("slices", lambda: (l[::2**62], l[::-2**62], l[2**62::-2**62], l[-2**63::2**63 - 1], l[-2**100:2**100]))
call("list", lambda: l)
