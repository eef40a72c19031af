import functools
from functools import partial, reduce, wraps, cmp_to_key
import operator

print(reduce(operator.add, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 10), reduce(max, [3], 0))
print(reduce(lambda acc, x: acc + [x * 2], [1, 2, 3], []))
print(reduce(operator.add, 'abc'), reduce(operator.add, [], 'init'))

def power(base, exp=2, *, mod=None):
    r = base ** exp
    return r % mod if mod else r

square = partial(power, exp=2)
cube = partial(power, exp=3)
print(square(5), cube(2), cube(2, mod=5), square(3, exp=4))
p = partial(power, 2)
print(p(), p(10), p.func is power, p.args, p.keywords)
pp = partial(p, mod=1000)
print(pp(10), pp.func is power, pp.args, pp.keywords)
print(partial(max, 1, 2)(3, 0), list(map(partial(int, base=2), ['101', '11'])))
print(type(p).__name__, callable(p))

def logged(f):
    @wraps(f)
    def inner(*a, **k):
        print('call', f.__name__, a)
        return f(*a, **k)
    return inner

@logged
def add(x, y):
    "Add two numbers."
    return x + y

print(add(1, 2), add.__name__, add.__doc__, add.__wrapped__(3, 4))

def wrapper(*a):
    return 0
functools.update_wrapper(wrapper, power)
print(wrapper.__name__, wrapper.__wrapped__ is power)

def cmp(a, b):
    return (a > b) - (a < b)

def by_len_then_rev(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return cmp(b, a)

print(sorted([3, 1, 2], key=cmp_to_key(cmp)), sorted(['bb', 'a', 'ccc', 'aa', 'b'], key=cmp_to_key(by_len_then_rev)))
K = cmp_to_key(cmp)
print(K(1) < K(2), K(2) <= K(2), K(3) == K(3), K(1) > K(2), K(2) != K(3), K(5).obj)
print(max([4, 9, 2], key=cmp_to_key(lambda a, b: b - a)))

def t(f, *a, **k):
    try:
        print(f(*a, **k))
    except Exception as e:
        print(type(e).__name__, e)
t(reduce, operator.add, [])
t(reduce, operator.add)
t(reduce, operator.add, 5)
t(partial)
t(partial, 5)
t(partial(power), 1, 2, 3, 4)
print(repr(partial(operator.add, 1, k='v')).replace(repr(operator.add), 'ADD'))
