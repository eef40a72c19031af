import operator
from operator import itemgetter, attrgetter, methodcaller

print(operator.add(2, 3), operator.sub(2, 3), operator.mul('ab', 2), operator.truediv(7, 2))
print(operator.floordiv(7, 2), operator.mod(7, 3), operator.pow(2, 10), operator.neg(5), operator.pos(-5))
print(operator.lshift(1, 4), operator.rshift(256, 2), operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10))
print(operator.inv(5), operator.invert(0), operator.abs(-3.5), operator.index(7), operator.not_([]), operator.truth([1]))
print(operator.lt(1, 2), operator.le(2, 2), operator.eq('a', 'a'), operator.ne(1, 1), operator.gt(1, 2), operator.ge(3, 2))
print(operator.is_(None, None), operator.is_not(None, 0), operator.contains([1, 2], 2), operator.concat([1], [2]))
print(operator.countOf([1, 2, 1, 1], 1), operator.indexOf('abc', 'c'), operator.getitem({'k': 9}, 'k'))
d = {}
operator.setitem(d, 'a', 1)
operator.setitem(d, 'b', 2)
operator.delitem(d, 'a')
print(d, operator.length_hint([1, 2, 3]), operator.length_hint(5, 7))
l = [1]
print(operator.iadd(l, [2]), l, operator.iadd(1, 2), operator.imul([0], 3), operator.iconcat([1], (2,)))
print(itemgetter(1)('abc'), itemgetter(0, 2)('abc'), itemgetter('x')({'x': 1}), itemgetter(slice(1, None))([1, 2, 3]))
rows = [('b', 2), ('a', 3), ('c', 1)]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(0)), max(rows, key=itemgetter(1)))

class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.inner = self if x == 0 else None
    def move(self, dx, dy=0):
        return P(self.x + dx, self.y + dy)
    def __repr__(self):
        return 'P(%r, %r)' % (self.x, self.y)

p = P(0, 5)
print(attrgetter('x')(p), attrgetter('x', 'y')(p), attrgetter('inner.inner.y')(p))
print(methodcaller('move', 1)(p), methodcaller('move', 1, dy=2)(p), methodcaller('upper')('abc'))
print(list(map(methodcaller('split', ','), ['a,b', 'c'])))
print(itemgetter(1, 'a'), attrgetter('x', 'y.z'), methodcaller('m', 1, k='v'))
print(type(itemgetter(1)).__name__, operator.itemgetter.__module__ if hasattr(operator.itemgetter, '__module__') else '')
print(list(map(operator.mul, [1, 2, 3], [4, 5, 6])))

def t(f, *a, **k):
    try:
        print(f(*a, **k))
    except Exception as e:
        print(type(e).__name__, e)
t(operator.add, 1)
t(operator.add, 1, 'a')
t(operator.neg)
t(operator.index, 1.5)
t(operator.indexOf, [1, 2], 3)
t(operator.concat, 1, 2)
t(itemgetter(5), [1])
t(itemgetter)
t(attrgetter, 1)
t(attrgetter('nope'), p)
t(methodcaller, 1)
t(methodcaller)
t(itemgetter(0), [1], [2])
