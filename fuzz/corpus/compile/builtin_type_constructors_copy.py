# Container constructors make shallow copies.
orig = [[1], [2]]
for ctor in [list, tuple]:
    c = ctor(orig)
    print(type(c).__name__, c == orig or c == tuple(orig), c is orig, c[0] is orig[0])
d = {"a": [1]}
d2 = dict(d)
d2["a"].append(2)
d2["b"] = 0
print(d, d2)
s = {1, 2}
s2 = set(s)
s2.add(3)
print(s, s2)
