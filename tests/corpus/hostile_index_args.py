# Index-like arguments past the index range: CPython clamps slice-style bounds and raises
# for subscripts and C int arguments; nothing may wrap around.


def call(label, f):
    try:
        print(label, repr(f()))
    except (IndexError, OverflowError, TypeError, ValueError) as e:
        print(label, type(e).__name__, e)


s = "abcabc"
b = b"abcabc"
call("find huge", lambda: s.find("b", -2**63, 2**63))
call("find bigint", lambda: s.find("c", -2**100, 2**100))
call("rfind bigint", lambda: s.rfind("c", -2**100, 2**100))
call("count bigint", lambda: s.count("a", 2**100))
call("index bigint", lambda: s.index("a", -2**100, 2**70))
call("startswith huge", lambda: s.startswith("a", 2**63))
call("endswith bigint", lambda: s.endswith("c", -2**100, 2**100))
call("find bad", lambda: s.find("a", "x"))
call("bytes find bigint", lambda: b.find(b"c", -2**100, 2**100))
call("bytes count", lambda: b.count(b"a", -2**63, 2**63))
call("bytes find bad", lambda: b.find(b"a", 1.5))
call("str[2**63]", lambda: s[2**63])
call("str[-2**64]", lambda: s[-2**64])
call("tuple[2**63]", lambda: (1, 2)[2**63])
call("bytes[2**100]", lambda: b[2**100])
call("list[2**63]", lambda: [1][2**63])
call("range[2**63]", lambda: range(10)[2**63])
call("range[-2**70]", lambda: range(10)[-2**70])
call("range big[2**62]", lambda: range(2**64)[2**62])


def delitem(x, k):
    del x[k]


def setitem(x, k):
    x[k] = 0


call("del list[2**63]", lambda: delitem([1, 2], 2**63))
call("set list[-2**63-1]", lambda: setitem([1, 2], -2**63 - 1))


class Big:
    def __index__(self):
        return 2**80


call("list[Big]", lambda: [1][Big()])
call("list[:Big]", lambda: [1, 2][:Big()])
call("expandtabs 2**62", lambda: "a\tb".expandtabs(2**62))
call("expandtabs 2**31", lambda: "a\tb".expandtabs(2**31))
call("expandtabs -2**31", lambda: "a\tb".expandtabs(-2**31))
call("expandtabs 12", lambda: "a\tb\n\tc".expandtabs(12))
call("expandtabs 100", lambda: len("a\tb".expandtabs(100)))
call("chr 2**62", lambda: chr(2**62))
call("chr 2**31", lambda: chr(2**31))
call("chr -1", lambda: chr(-1))
call("chr 0x110000", lambda: chr(0x110000))
for args in [("",), ("", 3), ("", 4), ("", 7), ("", 2, 1), ("a", 1), ("a", -3), ("b", 0, 2), ("", -2**70), ("bc", 1, -1)]:
    call("find%r" % (args,), lambda: (s.find(*args), s.rfind(*args), s.count(*args)))
call("count unicode", lambda: "ééaé".count("é", 1, 3))


# __len__ and __index__ results past the index range.
class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
for n in [5, 2**62, 2**63 - 1, 2**63, -1, -2**70, True]:
    try:
        print(len(L(n)), bool(L(n)))
    except Exception as e:
        print(type(e).__name__, e)
class I:
    def __index__(self):
        return 2**100
for f in [lambda: "abc"[I()], lambda: "abc" * I(), lambda: [1, 2][I():], lambda: bytes(I())]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
