# Dict comprehensions.
print({x: x * x for x in range(6)})
print({w: len(w) for w in ["apple", "fig", "banana"]})
print({k: v for k, v in [("a", 1), ("b", 2), ("a", 3)]})
d = {"x": 1, "y": 2, "z": 3}
print({v: k for k, v in d.items()})
print({k: v for k, v in d.items() if v != 2})
print({i: {j: i * j for j in range(3)} for i in range(3)})
print({c: "aeiou".find(c) for c in "hello" if c in "aeiou"})
print({(i, j): i + j for i in range(2) for j in range(2)})
print({str(n): n % 2 == 0 for n in range(4)})
