# Lambda expressions: defaults, closures, sorting keys, immediate calls.
sq = lambda x: x * x
add = lambda a, b=10: a + b
print(sq(7), add(1), add(1, 2), (lambda: "no args")(), (lambda *a: a)(1, 2))
print((lambda **k: sorted(k))(b=1, a=2))
print(sorted([3, -4, 1, -2], key=lambda v: (abs(v), v)))
fs = [lambda x, n=n: x + n for n in range(3)]
print([f(10) for f in fs])
late = [lambda x: x + n for n in range(3)]
print([f(10) for f in late])
compose = lambda f, g: lambda x: f(g(x))
inc_then_sq = compose(sq, lambda x: x + 1)
print(inc_then_sq(4))
print(list(map(lambda p: p[0] * p[1], [(1, 2), (3, 4)])))
print((lambda x: (lambda y: x * y))(6)(7))
print(sq.__name__, add.__name__)
