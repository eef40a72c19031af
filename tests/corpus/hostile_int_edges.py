# Integers at the machine-word edges (small-int and i64 limits): every operation as CPython,
# no wrap-around (an enumerate counter past sys.maxsize panicked in debug builds).
def t(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)
m = -2**63
vals = [m, 2**63-1, -2**62, 2**62, 2**62-1, -2**62-1, 2**61, -2**61, -1, 0, 1, 2**31, -2**31]
for a in vals:
    t("neg", lambda: -a)
    t("abs", lambda: abs(a))
    t("inv", lambda: ~a)
    t("hash", lambda: hash(a))
    for b in vals:
        t("ops", lambda: (a + b, a - b, a * b, a & b, a | b, a ^ b))
        t("div", lambda: (a // b, a % b, divmod(a, b)))
        t("shift", lambda: (a << (b % 70), a >> (b % 70)))
        t("cmp", lambda: (a < b, a == b))
        t("pow", lambda: pow(a, b % 5, b) if b else None)
t("range len", lambda: len(range(m, 2**63 - 1)))
t("range len2", lambda: len(range(m, 2**63 - 1, 2)))
t("range idx", lambda: range(m, 2**63 - 1, 3)[-1])
t("range slice", lambda: range(m, 2**63 - 1, 3)[::-2**62])
t("range rev", lambda: list(reversed(range(m, m + 3))))
t("range contains", lambda: (2**63 - 4 in range(m, 2**63 - 1, 3), m in range(m, 0)))
t("range index", lambda: range(m, 2**63 - 1, 3).index(2**63 - 4))
t("range count", lambda: range(0, 2**64, 2**62).count(2**63))
t("range list", lambda: list(range(2**63 - 3, 2**63 + 1)))
t("range iter", lambda: list(range(m + 2, m - 2, -1)))
t("range eq", lambda: range(0, 2**64, 2**63) == range(0, 2**64 + 1, 2**63))
t("round", lambda: (round(m, -1), round(2**63 - 1, -18)))
t("int float", lambda: (int(9.3e18), int(-9.3e18), float(2**63), float(m)))
t("float floordiv", lambda: (9.3e18 // 1, divmod(-9.3e18, 7.0)))
t("str slice", lambda: ("abcdef"[m:2**63 - 1:2**62], "abcdef"[2**63 - 1:m:-(2**62)]))
t("tuple slice", lambda: (tuple(range(10))[m::2**63 - 1], tuple(range(10))[::m]))
t("enumerate", lambda: list(enumerate("ab", 2**63 - 1)))
t("sum", lambda: sum([2**62, 2**62, 2**62]))
t("max ints", lambda: max(2**63 - 1, m, 2**62))
t("sorted", lambda: sorted([2**63, -2**63, 2**62, 0, -1]))
t("bool mul", lambda: True * 2**62 * 2)
t("fmt", lambda: ("%d %x %o" % (m, m, m), format(m, ","), format(2**64, "_x")))
