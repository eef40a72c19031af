# Equality ignores order; dict(...) copies are shallow.
a = {"x": 1, "y": [1, 2]}
b = {"y": [1, 2], "x": 1}
print(a == b, list(a) == list(b))
c = dict(a)
c["y"].append(3)
c["x"] = 100
print(a, c)
print({} == {}, {1: 1} == {1: 1.0}, {1: 2} == {2: 1})
u = {}
u.update(a)
u.update(c)
print(u)
print({**a, "z": 0}, {**{"p": 1}, **{"p": 2}})
