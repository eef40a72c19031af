# Comparing and sorting nested tuples.
pts = [(3, 4), (1, 2), (3, 1), (0, 9), (1, 2, 0), (1,)]
print(sorted(pts))
print(max(pts), min(pts))
print((1, (2, 3)) < (1, (2, 4)), (1, "a") < (1, "b"), (2,) > (1, 99, 99))
print((1, 2) == [1, 2], list((1, 2)) == [1, 2], tuple([1, 2]) == (1, 2))
print(sorted([("b", 2), ("a", 2), ("c", 1)], key=lambda t: (t[1], t[0])))
nested = ((1, 2), (3, (4, (5,))))
print(nested[1][1][1][0], len(nested), nested[1][1])
