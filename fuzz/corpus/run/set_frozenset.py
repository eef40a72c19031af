# frozenset is hashable and can be used as a dict key or set member.
f = frozenset([3, 1, 2])
g = frozenset({1, 2, 3})
print(f, f == g, hash(f) == hash(g), len(f), 2 in f)
d = {f: "first"}
print(d[g])
ss = {frozenset([1]), frozenset([1]), frozenset([2, 1])}
print(len(ss), frozenset([1]) in ss)
print(f | {4}, f & {1, 9}, f - {1}, type(f | {4}).__name__)
print(frozenset(), frozenset() == set(), {1, 2} == frozenset([1, 2]))
print(sorted(frozenset("cab")))
