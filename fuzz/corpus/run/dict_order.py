# Insertion ordering survives updates, deletions and re-insertions.
d = {}
for k in ["zeta", "alpha", "mid", "beta"]:
    d[k] = len(k)
print(list(d))
d["alpha"] = 0
print(list(d))
del d["zeta"]
d["zeta"] = 1
print(list(d))
d.pop("mid")
d["mid"] = 2
print(d)
print(list(reversed(list(d))), list(d)[0], list(d.items())[1])
merged = {"a": 1, "b": 2}
merged.update({"b": 3, "c": 4})
print(merged)
copy = dict(merged)
copy["d"] = 5
print(merged, copy)
for i in range(5):
    d[i] = i * i
for i in range(0, 5, 2):
    del d[i]
print(d)
