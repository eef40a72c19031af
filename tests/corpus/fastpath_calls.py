# Positional calls: the exact-arity fast path and everything it must leave to the
# general binder (defaults, keyword-only, *args, **kwargs, cells, generators, errors).
def f0():
    return 0
def f2(a, b):
    return a - b
def fdef(a, b=10, c=20):
    return a + b + c
def fkw(a, *, k=5):
    return a * k
def fkwreq(a, *, k):
    return a * k
def fstar(a, *rest):
    return a, rest
def fkws(a, **kw):
    return a, sorted(kw.items())
def fcell(a, b):
    def inner():
        return a + b
    a += 1
    return inner()
def outer(x):
    def add(y):
        return x + y
    return add
def fposonly(a, b, /):
    return a * b
def gen(a, b):
    yield a
    yield b

print(f0(), f2(7, 3), f2(b=3, a=7), fdef(1), fdef(1, 2), fdef(1, 2, 3), fdef(1, c=0))
print(fkw(3), fkw(3, k=2), fstar(1), fstar(1, 2, 3), fkws(1), fkws(1, z=2, y=3))
print(fcell(1, 2), outer(10)(5), fposonly(6, 7), list(gen(1, 2)))
try:
    fkwreq(1)
except TypeError as e:
    print("TypeError", e)
for bad in ((), (1,), (1, 2, 3)):
    try:
        f2(*bad)
    except TypeError as e:
        print("TypeError", e)
    try:
        eval("f2(" + ", ".join(map(str, bad)) + ")")
    except TypeError as e:
        print("TypeError", e)
try:
    fposonly(a=1, b=2)
except TypeError as e:
    print("TypeError", e)
try:
    fdef()
except TypeError as e:
    print("TypeError", e)

class C:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
    def add(self, a, b):
        return self.v + a + b
    def dflt(self, a=1):
        return self.v + a
    @staticmethod
    def st(a, b):
        return a * b
    @classmethod
    def cm(cls, a):
        return cls.__name__, a
    def gen(self, n):
        for i in range(n):
            yield self.v + i

c = C(100)
m = c.add
print(c.get(), c.add(1, 2), m(3, 4), c.dflt(), c.dflt(5), C.st(3, 4), c.st(5, 6), c.cm(1), C.cm(2))
print(C.add(c, 1, 1), list(c.gen(3)), C.get(c))
try:
    c.add(1)
except TypeError as e:
    print("TypeError", e)
try:
    m(1, 2, 3)
except TypeError as e:
    print("TypeError", e)
try:
    C.get()
except TypeError as e:
    print("TypeError", e)

# Recursion: the limit holds on the fast path, and the program recovers.
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("RecursionError", e)
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print(fib(20))

class Rec:
    def m(self, n):
        return self.m(n + 1)
try:
    Rec().m(0)
except RecursionError as e:
    print("RecursionError", e)

# Tracebacks through fast-path calls name the right lines.
def inner_fail(a, b):
    return a // b
def mid(a, b):
    x = a + 1
    return inner_fail(x, b)
try:
    mid(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
mid(2, 0)
