# map and filter are lazy iterators.
m = map(lambda x: x * 10, [1, 2, 3])
print(type(m).__name__, list(m), list(m))
print(list(map(pow, [2, 3], [3, 2])), list(map(len, ["ab", "c"])))
print(list(map(lambda a, b, c: a + b + c, [1, 2], [10, 20], [100, 200, 300])))
f = filter(lambda s: len(s) > 1, ["a", "bb", "ccc", ""])
print(type(f).__name__, list(f))
print(list(filter(None, [0, 1, False, True, "", "x", [], [0]])))
calls = []
def mark(x):
    calls.append(x)
    return x
lazy = map(mark, range(5))
print(calls, next(lazy), calls)
print(sorted(map(abs, [-3, 2, -1])), sum(filter(lambda x: x % 2, range(10))))
