# min and max with iterables, multiple args, key and default.
print(min(3, 1, 2), max(3, 1, 2), min([5]), max("hello"), min("b", "a", "c"))
print(min([3, -7, 5], key=abs), max([3, -7, 5], key=abs), max(["aa", "b", "ccc"], key=len))
print(min([], default="empty"), max([], default=None), min([2, 1], default=99))
print(max([(1, "b"), (1, "a"), (0, "z")]), min([[2], [1, 5], [1]]))
print(max(["a", "bb", "cc"], key=len), min(["bb", "a", "cc", "b"], key=len))
print(max({3: "x", 9: "y"}), min({3: "x", 9: "y"}.values()))
print(max(range(10), key=lambda x: x % 4), min(1, 2.5, -0.5))
print(max(x * x for x in range(-4, 3)), min((c for c in "zebra")))
d = {"a": 3, "b": 7, "c": 5}
print(max(d, key=d.get), min(d.items(), key=lambda kv: kv[1]))
