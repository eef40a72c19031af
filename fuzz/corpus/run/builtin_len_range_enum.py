# len, range, enumerate, zip across containers.
for obj in ["", "abc", "日本", [], [1, 2], (), (1,), {}, {1: 2}, set(), {1, 2, 3}, range(10), range(5, 0, -2), b"xyz"]:
    print(repr(obj), len(obj))
print(list(enumerate("abc")), list(enumerate("ab", 5)), list(enumerate([], 1)))
print(list(zip()), list(zip([1])), list(zip([1, 2, 3], "ab")), list(zip("a", "b", "c")))
e = enumerate(["x", "y"])
print(next(e), next(e), next(e, "done"))
z = zip(range(3), range(10, 13))
print(next(z), list(z))
print(dict(enumerate("hi")), list(range(3, -3, -2)))
