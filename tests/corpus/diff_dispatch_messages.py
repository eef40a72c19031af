# Found by tools/difftest: the reflected method of a subclass goes first only if it overrides
# the left class's; `in` on an object that cannot be iterated; keywords naming
# positional-only parameters.
class A:
    def __init__(self, v): self.v = v
    def __repr__(self): return 'A(%r)' % (self.v,)
    def __add__(self, o): return A(('add', self.v, getattr(o, 'v', o)))
    def __radd__(self, o): return A(('radd', self.v, getattr(o, 'v', o)))
class B(A): pass
class C(A):
    def __radd__(self, o): return A(('C.radd', self.v, getattr(o, 'v', o)))
print(A(1) + B(2), B(2) + A(1), A(1) + C(3), 5 + B(1))
class D:
    pass
try:
    3 in D()
except TypeError as e:
    print(e)
def f(a, b=2, /, c=3):
    return a, b, c
for kw in [dict(a=1), dict(a=1, b=2), dict(c=1, a=1, b=3), dict(z=1)]:
    try:
        f(**kw)
    except TypeError as e:
        print(e)
def g(a, /, **k):
    return a, k
print(g(1, a=2))
class E:
    def m(self, x, /):
        return x
try:
    E().m(x=1)
except TypeError as e:
    print(e)
