# Keyword arguments, keyword-only parameters and **kwargs.
def f(a, b, *, c, d=4):
    return [a, b, c, d]
print(f(1, 2, c=3), f(1, b=2, c=3, d=5), f(c=1, b=2, a=3))
def g(**kw):
    return kw
print(g(), g(x=1, y=2), g(**{"p": 1, "q": 2}), g(a=1, **{"b": 2}))
def h(a, *args, sep="-", **kw):
    return sep.join(str(x) for x in (a,) + args) + " " + str(kw)
print(h(1), h(1, 2, 3), h(1, 2, sep="+"), h(1, z=26, y=25))
def order(**kw):
    for k, v in kw.items():
        print(k, "=", v)
order(zeta=1, alpha=2, mid=3)
def kwonly(*, x=1, y):
    return x * 10 + y
print(kwonly(y=2), kwonly(y=3, x=4))
