# sorted returns a new list; reversed returns an iterator.
data = [3, 1, 2]
s = sorted(data)
print(s, data, s is data)
print(sorted("hello"), sorted({3: 0, 1: 0}), sorted({5, 2, 8}), sorted((2, 1)))
print(sorted(["b", "A", "a", "B"]), sorted(["b", "A", "a", "B"], key=lambda x: x.lower()))
print(sorted([1, 2, 3], reverse=True), sorted([], reverse=True))
stable = [("x", 1), ("y", 0), ("z", 1), ("w", 0)]
print(sorted(stable, key=lambda t: t[1]), sorted(stable, key=lambda t: t[1], reverse=True))
r = reversed([1, 2, 3])
print(next(r), list(r), list(reversed("abc")), list(reversed(range(3))), list(reversed((1, 2))))
print("".join(reversed("stressed")), list(reversed([])))
