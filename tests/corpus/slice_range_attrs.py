s = slice(1, 10, 2)
print(s.start, s.stop, s.step, s, slice(3), slice(None, 5).indices(10), s == slice(1, 10, 2), s != slice(1, 10), slice(1, 2) < slice(1, 3))
r = range(2, 20, 3)
print(r.start, r.stop, r.step, r.index(5), r.count(5), r.count(6), r[1:3], r[::-1], r[-1], r == range(2, 20, 3), range(0) == range(5, 5), range(1, 4, 5) == range(1, 2))
print(5 in r, 6 in r, 5.0 in r, list(reversed(r)), repr(range(3)), len(range(-5)), range(10)[slice(2, 8, 3)], hash(range(3)) == hash(range(0, 3, 1)))
for e in [lambda: hash(s), lambda: r.index(6), lambda: range(1, 2, 0), lambda: slice(1, 2, 0).indices(3), lambda: slice('a').indices(3)]:
    try:
        print(e())
    except Exception as ex:
        print(type(ex).__name__, ex)
range(3).index(7)
