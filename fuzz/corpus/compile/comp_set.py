# Set comprehensions of ints and sorted str sets.
print({x % 5 for x in range(20)})
print({x * x for x in range(-3, 4)} == {0, 1, 4, 9})
print(sorted({w.lower() for w in ["A", "a", "B", "b", "c"]}))
print(sorted({len(w) for w in "a bb cc ddd e".split()}))
print(len({(x, y) for x in range(3) for y in range(3)}))
print(sorted({n for n in range(10) if n % 3 == 0}), {n for n in range(4)})
