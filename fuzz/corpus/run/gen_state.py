# Generators keep local state between resumptions; multiple independent instances.
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f1 = fib()
f2 = fib()
print([next(f1) for _ in range(10)])
print(next(f2), next(f2), next(f1))
def cycle(seq):
    while True:
        for x in seq:
            yield x
c = cycle("ab")
print([next(c) for _ in range(5)])
def running_max(xs):
    best = None
    for x in xs:
        if best is None or x > best:
            best = x
        yield best
print(list(running_max([3, 1, 4, 1, 5, 9, 2, 6])))
def zip_longest_simple(a, b, fill=None):
    ia, ib = iter(a), iter(b)
    while True:
        x = next(ia, fill)
        y = next(ib, fill)
        if x is fill and y is fill:
            return
        yield x, y
print(list(zip_longest_simple([1, 2, 3], "ab")))
