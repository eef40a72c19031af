a = frozenset([1, 2, 3])
s = {3, 4}
print(a, frozenset(), frozenset('aab') == frozenset('ab'), repr(frozenset({5})))
print(sorted(a | s), type(a | s).__name__, type(s | a).__name__, type(a & s).__name__, type(s - a).__name__, type(a ^ s).__name__)
print(sorted(a.union(s, [9])), sorted(a.intersection(s)), sorted(a.difference(s)), sorted(a.symmetric_difference(s)), type(a.union()).__name__)
print(a.issubset({1, 2, 3, 4}), a.issuperset([1]), a.isdisjoint(s), a == {1, 2, 3}, {1, 2, 3} == a, a <= {1, 2, 3}, a < s)
print(hash(a) == hash(frozenset([3, 2, 1])), {a: 'x'}[frozenset({1, 2, 3})], {a, frozenset([1, 2, 3])}, frozenset([a]))
print(1 in a, 5 not in a, len(a), sorted(a.copy()), a.copy() is a, {1, 2, 3} in {a})
print(frozenset(x * 2 for x in range(3)), frozenset(range(3)) - {0}, frozenset({1}) | frozenset({2}))
for e in [lambda: a.add(1), lambda: a.remove(1), lambda: hash(frozenset([[1]])), lambda: frozenset(5), lambda: a | [1]]:
    try:
        print(e())
    except Exception as ex:
        print(type(ex).__name__, ex)
d = {}
d[a] = 1
d[frozenset({1, 2, 3})] += 1
print(d)
a.discard(1)
