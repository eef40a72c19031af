from collections import namedtuple

Point = namedtuple('Point', 'x y')
p = Point(1, 2)
print(p, repr(p), str(p), p.x, p.y, p[0], p[1], p[-1], len(p))
x, y = p
print(x, y, tuple(p), list(p), p == (1, 2), p == Point(1, 2), p != Point(2, 1), p < Point(1, 3))
print(hash(p) == hash((1, 2)), {p: 'a'}[(1, 2)], p + (3,), p * 2, p[:1], 2 in p)
print(Point._fields, Point._field_defaults, Point.__name__, Point.__doc__, Point.__match_args__)
print(type(p), type(p).__name__, isinstance(p, tuple), issubclass(Point, tuple), Point.__bases__)
print(Point(x=5, y=6), Point(7, y=8), Point._make([9, 10]), Point._make(range(2)))
print(p._asdict(), type(p._asdict()).__name__, p._replace(x=100), p._replace(), p)
print(Point(*'ab'), Point(**{'x': 1, 'y': 2}))

P3 = namedtuple('P3', ['a', 'b', 'c'], defaults=[0, None])
print(P3(1), P3(1, 2), P3(1, 2, 3), P3._field_defaults, P3(a=5, c=6))
P4 = namedtuple('P4', 'a, b,c  d')
print(P4._fields, P4(1, 2, 3, 4))
R = namedtuple('R', ['ok', 'def', '_x', 'ok', '1a'], rename=True)
print(R._fields)
E = namedtuple('E', '')
print(E(), E._fields, len(E()))
G = namedtuple('G', ('n',), module='mymod')
print(G.__module__, Point.__module__, G(1))


def attempt(f, *args, **kw):
    try:
        print(f(*args, **kw))
    except Exception as e:
        print(type(e).__name__, e)


attempt(Point, 1)
attempt(Point)
attempt(Point, 1, 2, 3)
attempt(Point, 1, x=2)
attempt(Point, 1, z=2)
attempt(P3)
attempt(P3, 1, 2, 3, 4)
P5 = namedtuple('P5', 'a b c')
attempt(P5)
attempt(Point._make, [1])
attempt(p._replace, z=1)
attempt(namedtuple, 'Bad', 'x x')
attempt(namedtuple, 'Bad', 'x _y')
attempt(namedtuple, 'Bad', 'x class')
attempt(namedtuple, 'Bad name', 'x')
attempt(namedtuple, 'Bad', 'x 1y')
attempt(namedtuple, 'Bad', 'x y', defaults=[1, 2, 3])
attempt(namedtuple, 'Bad', [1, 2])
attempt(namedtuple, 'Bad')


def setx():
    p.x = 5


attempt(setx)


def delx():
    del p.x


attempt(delx)


def getzz():
    return p.zz


attempt(getzz)


class P(namedtuple('P', 'x y')):
    __slots__ = ()

    @property
    def hyp(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __str__(self):
        return 'P: x=%6.3f  y=%6.3f  hyp=%6.3f' % (self.x, self.y, self.hyp)


q = P(3, 4)
print(q, repr(q), q.hyp, q._replace(x=6), P._make([5, 12]), type(q._replace(x=1)).__name__)
print(isinstance(q, tuple), q == (3, 4), q._asdict())
attempt(P, 1)


class Sub(namedtuple('Base', 'a')):
    def double(self):
        return self.a * 2


s = Sub(21)
print(s, s.double(), Sub.__mro__[1].__name__)
s.extra = 1
print(s.extra)

Pt = namedtuple('Pt', 'x y')
match Pt(1, 2):
    case Pt(x, y):
        print('matched', x, y)
print(sorted([Point(2, 1), Point(1, 2), Point(1, 1)]))
print(max(Point(1, 5), Point(2, 0)), Point(1, 2).count(1), Point(1, 2).index(2))
