# Sets of small ints may be printed; string sets are printed sorted.
s = {3, 1, 2, 3, 1}
print(s, len(s), 2 in s, 5 in s, 5 not in s)
s.add(4)
s.add(1)
print(s)
s.remove(4)
s.discard(100)
s.discard(3)
print(s)
print(set(), set([1, 1, 2]), set(range(5)), set((7, 7)))
words = set("mississippi")
print(sorted(words), len(words))
names = {"bob", "ann", "cy", "ann"}
print(sorted(names), "ann" in names, "dan" in names)
print(bool(set()), bool({0}))
print({1, 2} == {2, 1}, {1, 2} != {1, 2, 3}, {1} == {1.0}, {True, 1})
e = set()
for i in range(10):
    e.add(i % 4)
print(e)
print(sorted({-5, 10, 0, -1}), sum({1, 2, 3}), max({4, 9, 1}), min({4, 9, 1}))
