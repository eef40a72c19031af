# List comprehensions with conditions, nesting and expressions.
print([x * x for x in range(8)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in "ab"])
print([[x * y for y in range(1, 4)] for x in range(1, 4)])
print([x if x > 0 else -x for x in [-2, -1, 0, 1, 2]])
print([c for word in ["hi", "yo"] for c in word])
print([len(w) for w in "the quick brown fox".split()])
print([i for i in []], [[] for _ in range(2)])
x = "outer"
r = [x for x in range(3)]
print(r, x)
print([(i, j) for i in range(4) for j in range(i + 1, 4) if (i + j) % 2])
print([row[::-1] for row in [[1, 2], [3, 4]]])
print([s.upper() for s in ("a", "b") if s != "b"])
print([n for n in range(2, 30) if all(n % d for d in range(2, n))])
