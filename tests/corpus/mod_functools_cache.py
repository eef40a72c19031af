import functools
from functools import lru_cache, cache, total_ordering

calls = []


@lru_cache(maxsize=2)
def sq(x):
    calls.append(x)
    return x * x


print(sq(2), sq(3), sq(2), sq.cache_info())
print(sq(4), sq(3), sq(2), calls, sq.cache_info())
ci = sq.cache_info()
print(ci.hits, ci.misses, ci.maxsize, ci.currsize, ci[0], tuple(ci), type(ci).__name__, isinstance(ci, tuple))
print(ci == (ci.hits, ci.misses, 2, 2))
sq.cache_clear()
print(sq.cache_info(), sq.cache_parameters(), sq.__name__, sq.__wrapped__(5), calls[-1])


@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info(), fib.__name__)


@lru_cache(maxsize=None)
def add(a, b=0, *, c=0):
    calls.append((a, b, c))
    return a + b + c


calls.clear()
print(add(1), add(1), add(1, 2), add(a=1, b=2), add(1, c=3), add(1, c=3), add(1.0))
print(calls, add.cache_info())


@cache
def twice(x):
    calls.append(x)
    return [x, x]


calls.clear()
print(twice(3), twice(3) is twice(3), twice.cache_info(), calls, twice.cache_parameters())


@lru_cache(typed=True)
def t(x):
    calls.append(x)
    return type(x).__name__


calls.clear()
print(t(1), t(1.0), t(1), t.cache_info(), calls)


@lru_cache(maxsize=0)
def z(x):
    return x + 1


print(z(1), z(1), z.cache_info())


@lru_cache(-5)
def neg(x):
    return x


print(neg(1), neg(1), neg.cache_info())
try:
    sq([1])
except TypeError as e:
    print('TypeError', e)
try:
    lru_cache('x')
except TypeError as e:
    print('TypeError', e)


class A:
    def __init__(self, k):
        self.k = k

    @lru_cache(maxsize=8)
    def m(self, x):
        calls.append(x)
        return self.k * x

    @cache
    def c(self):
        return self.k + 100


calls.clear()
a = A(3)
print(a.m(2), a.m(2), A.m.cache_info(), calls, a.c(), A(1).c(), A.m(a, 5))


def deco(f):
    @functools.wraps(f)
    def inner(*args):
        return f(*args)
    return inner


@deco
@lru_cache
def g(x):
    """doc of g"""
    return x


print(g(1), g.__name__, g.__doc__, g.__wrapped__.cache_info())


# total_ordering
@total_ordering
class V:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == other.v

    def __lt__(self, other):
        if not isinstance(other, V):
            return NotImplemented
        return self.v < other.v

    def __repr__(self):
        return 'V(%r)' % self.v


print(V(1) < V(2), V(1) > V(2), V(1) <= V(1), V(2) >= V(1), V(2) >= V(3), V(1) <= V(0))
print(sorted([V(3), V(1), V(2)]), max(V(1), V(5)), min(V(4), V(2)))
try:
    V(1) > 5
except TypeError as e:
    print('TypeError', e)


@total_ordering
class W:
    def __init__(self, v):
        self.v = v

    def __ge__(self, other):
        return self.v >= other.v


print(W(1) < W(2), W(1) > W(2), W(2) <= W(2), W(3) > W(2), W(1) <= W(0))


@total_ordering
class G:
    def __init__(self, v):
        self.v = v

    def __gt__(self, other):
        return self.v > other.v


print(G(1) < G(2), G(1) >= G(1), G(1) <= G(2))
try:
    @total_ordering
    class N:
        pass
except ValueError as e:
    print('ValueError', e)
