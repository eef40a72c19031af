# Keys of different hashable types; equal numbers collapse to one key.
d = {}
d[1] = "a"
d[1.0] = "b"
d[True] = "c"
print(d, len(d))
d[0] = "zero"
d[False] = "false"
d[0.0] = "fzero"
print(d)
d[(1, 2)] = "tuple"
d[(1, (2, 3))] = "nested"
d[None] = "none"
d["s"] = "str"
d[b"s"] = "bytes"
d[frozenset([1, 2])] = "fs"
print(len(d), d[(1, 2)], d[None], d["s"], d[b"s"], d[frozenset([2, 1])])
big = {2 ** 100: "big", -(2 ** 100): "neg"}
print(big[2 ** 100], big[-(2 ** 100)])
print({-1: "m1", -2: "m2"})
print(d[1], d[1.0], d[True])
