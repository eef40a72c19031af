class A:
    __slots__ = ('x', 'y')
    def __init__(self): self.x = 1
a = A()
print(a.x)
try:
    a.z = 2
except AttributeError as e: print('AttributeError:', e)
try:
    a.y
except AttributeError as e: print('AttributeError:', e)
a.y = 3; print(a.y); del a.y
try:
    del a.y
except AttributeError as e: print('AttributeError:', e)
print(hasattr(a, '__dict__'), type(A.x).__name__)
class B(A):
    __slots__ = ('w',)
b = B(); b.w = 1; b.x = 2; print(b.w, b.x)
try:
    b.q = 1
except AttributeError as e: print('AttributeError:', e)
class C(A): pass
c = C(); c.q = 5; print(c.q, c.__dict__)
class D:
    __slots__ = ('v', '__dict__')
d = D(); d.v = 1; d.k = 2; print(d.v, d.__dict__)
class E:
    __slots__ = 'one'
e = E(); e.one = 1; print(e.one)
class F:
    __slots__ = ()
try:
    F().a = 1
except AttributeError as e: print('AttributeError:', e)
class G:
    __slots__ = ('a',)
    a_default = 5
try:
    class H:
        __slots__ = ('a',)
        a = 1
except ValueError as e: print('ValueError:', e)
class R:
    __slots__ = ('x',)
    K = 3
try:
    R().K = 4
except AttributeError as e: print('AttributeError:', e)
class S(str):
    __slots__ = ('tag',)
s = S('hi'); s.tag = 1; print(s, s.tag)
try:
    s.other = 2
except AttributeError as e: print('AttributeError:', e)
class Pt:
    __slots__ = ('x', 'y')
    def __init__(self, x, y): self.x, self.y = x, y
    def __repr__(self): return f'Pt({self.x}, {self.y})'
pts = [Pt(i, i * i) for i in range(50)]
print(pts[7], sum(p.y for p in pts))
print(repr(A.x))
R().x
