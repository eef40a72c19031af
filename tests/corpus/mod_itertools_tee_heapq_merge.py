import itertools
import heapq
import operator
from itertools import tee

a, b = tee([1, 2, 3, 4])
print(next(a), next(a), list(b), list(a), list(b))
x, y, z = tee(iter('abc'), 3)
print(list(zip(x, y, z)))
print(tee([1], 0), len(tee(range(3))), type(tee([])[0]).__name__)
p, q = tee(range(5))
print(next(p), next(p))
r, s = tee(p)
print(list(r), list(s), list(q), list(p))
c1, c2 = tee(itertools.count())
print([next(c1) for _ in range(3)], [next(c2) for _ in range(5)], next(c1))
t1, = tee('xy', 1)
t2 = t1.__copy__()
print(list(t1), list(t2), iter(t1) is t1)


def gen():
    yield 1
    raise ValueError('boom')


g1, g2 = tee(gen())
print(next(g1), next(g2))
try:
    next(g1)
except ValueError as e:
    print('ValueError', e)
for bad in ((1, 2, 3), ([], -1), (5,)):
    try:
        tee(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

print(list(heapq.merge([1, 3, 5, 7], [0, 2, 4, 8], [5, 10, 15, 20], [], [25])))
print(list(heapq.merge()), list(heapq.merge([])), list(heapq.merge([2, 1])))
print(list(heapq.merge(['dog', 'horse'], ['cat', 'fish', 'kangaroo'], key=len)))
print(list(heapq.merge([7, 5, 1], [8, 4, 2], reverse=True)))
print(list(heapq.merge(['bb', 'a'], ['ccc', 'dd'], key=len, reverse=True)))
print(list(heapq.merge([(1, 'a'), (2, 'a')], [(1, 'b'), (2, 'b')], key=lambda t: t[0])))
print(list(heapq.merge('ace', 'bdf')), list(heapq.merge(iter([1, 4]), range(2, 4))))
m = heapq.merge([1, 2], [1.0, 3])
print(next(m), next(m), list(m), iter(m) is m)
try:
    list(heapq.merge([1, 2], ['a'], ['b']))
except TypeError as e:
    print('TypeError')  # which operands the message names depends on the heap's shape
try:
    heapq.merge([1], bogus=1)
except TypeError as e:
    print('TypeError', e)

print(operator.call(pow, 2, 10), operator.call(dict, a=1), operator.call(lambda *a, **k: (a, k), 1, x=2))
try:
    operator.call()
except TypeError as e:
    print('TypeError', e)
