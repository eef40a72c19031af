# Augmented assignment on dict entries.
d = {"n": 1, "s": "a", "l": [1]}
d["n"] += 5
d["n"] *= 2
d["s"] += "bc"
d["s"] *= 2
d["l"] += [2, 3]
print(d)
hist = {}
for ch in "abracadabra":
    if ch in hist:
        hist[ch] += 1
    else:
        hist[ch] = 1
print(hist)
m = {(0, 0): 1}
m[0, 0] <<= 3
m[0, 0] -= 1
print(m)
nested = {"a": {"b": 10}}
nested["a"]["b"] //= 3
print(nested)
