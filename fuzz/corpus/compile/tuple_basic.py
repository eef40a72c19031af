# Tuple construction, indexing, immutability-safe operations.
t = (1, "two", 3.0, None, (4, 5))
print(t, len(t), t[1], t[-1], t[-1][0], t[1:3], t[::-1])
e = ()
s = (42,)
n = 42,
print(e, s, n, len(e), len(s), s == n, type(s).__name__, (42) == 42)
print((1, 2) + (3,), (0,) * 4, () * 3, 2 * ("a", "b"))
print((1, 2) == (1, 2), (1, 2) < (1, 3), (1, 2) < (1, 2, 0), () < (0,))
print(2 in (1, 2, 3), "x" not in ("a",), (1, 2) in [(1, 2)])
print(tuple(), tuple([1, 2]), tuple("abc"), tuple(range(3)), tuple({"a": 1}))
x = (1, 2)
y = x
x += (3,)
print(x, y, x is y)
print(hash((1, 2, 3)) == hash((1, 2, 3)), {(1, 2): "pair"}[(1, 2)])
print(sorted((3, 1, 2)), min((4, 2, 8)), max((4, 2, 8)), sum((1, 2, 3)))
print(((1,),), (((),),), ("a",) * 2)
print([(i, i * i) for i in range(4)])
