# get, items, keys, values, pop, update, setdefault.
d = {"x": 1, "y": 2}
print(d.get("x"), d.get("z"), d.get("z", 0), d.get("y", 100))
print(d.pop("x"), d, d.pop("missing", "dflt"))
d.update({"a": 3, "y": 20})
print(d)
d.update(b=4, c=5)
print(d)
d.update([("z", 26)])
print(d)
print(d.setdefault("y", 0), d.setdefault("new", []), d)
d.setdefault("new", []).append(1)
d.setdefault("new", []).append(2)
print(d["new"])
print(d.setdefault("none"), d)
keys = d.keys()
vals = d.values()
items = d.items()
d["late"] = True
print(list(keys), list(vals), list(items)[-1], len(keys))
print("late" in keys, ("late", True) in items, True in vals)
groups = {}
for w in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(w[0], []).append(w)
print(groups)
print(sorted(d.keys()), sum({1: 2, 3: 4}.values()))
