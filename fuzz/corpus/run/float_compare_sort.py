# Comparing and sorting floats with ints.
vals = [3.5, -1, 2, 2.0, 0.1, -0.1, 10 ** 20, 1e20, 7.25]
print(sorted(vals))
print(sorted(vals, reverse=True))
print(min(vals), max(vals))
print(0.1 < 0.2 < 0.30000000000000004, 0.1 + 0.2 > 0.3)
print(2.0 == 2, 2.5 != 2.5, 1e20 == 10 ** 20, 1e23 == 10 ** 23)
print(sorted([2, 2.0, 1, 1.0]), sorted([2.0, 2, 1.0, 1]))
print(max(1, 1.0), max(1.0, 1), min(0, 0.0, -0.0))
print(9007199254740993 > 9007199254740992.0)
print(sum([0.1] * 10), sum([1, 2.5, 3]))
