# Dict creation, lookup, assignment, deletion and insertion order.
d = {"b": 1, "a": 2}
d["c"] = 3
d["b"] = 10
print(d, len(d), d["a"], "a" in d, "z" in d, "z" not in d)
del d["a"]
print(d)
d["a"] = 99
print(d)
print(list(d), list(d.keys()), list(d.values()), list(d.items()))
print(dict(), dict(x=1, y=2), dict([("p", 1), ("q", 2)]), dict({"m": 0}, n=1))
print(dict(zip("abc", range(3))), {}, {1: {2: {3: 4}}})
e = {1: "int", 1.0: "float?", "1": "str", (1,): "tuple", None: "none", True: "bool?"}
print(e)
print(d == {"b": 10, "c": 3, "a": 99}, d == {"b": 10}, {1: 2} != {1: 3})
k = {}
for word in "a b a c b a".split():
    k[word] = k.get(word, 0) + 1
print(k)
n = {}
n[3] = "three"
n[-1] = "minus"
n[10 ** 20] = "big"
print(n, n[10 ** 20])
print(bool({}), bool({0: 0}))
