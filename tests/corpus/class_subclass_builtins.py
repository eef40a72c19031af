class I(int): pass
x = I(5)
print(x + 1, type(x).__name__, isinstance(x, int), repr(x), hash(x) == hash(5), x == 5, bool(I(0)), bool(I()))
print(I(7) // 2, -I(3), I(10) % I(3), I(2) ** 10, str(I(42)), f"{I(3):>4}", int(I(9)), type(int(I(9))))
d = {5: 'five'}; print(d[x], x in d, [1,2,3,4,5,6][x], x.bit_length())
try:
    I(1) // I(0)
except ZeroDivisionError as e: print(e)
x.tag = 'hi'; print(x.tag, x.__dict__)
class S(str):
    def shout(self): return self.upper() + '!'
s = S('ab')
print(s + 'b', repr(s), type(s + 'b'), s.upper(), s.shout(), len(s), s[0], s == 'ab', hash(s) == hash('ab'), type(s).__name__)
print(S(''), repr(S('x')), S(5), {S('ab'): 1}['ab'], 'ab' in {s}, S('a b').split())
class F(float): pass
print(F(1.5) * 2, repr(F(2.5)), F('3.25'), F())
class B(bytes): pass
print(B(b'ab'), B(3), B(b'ab')[0], B(b'xy').hex())
class T(tuple):
    def __new__(cls, a, b): return super().__new__(cls, (a, b))
t = T(1, 2); print(t, t[0], len(t), type(t).__name__, t + (3,), t == (1, 2))
class T2(tuple): pass
print(T2(), T2([1, 2]), T2('ab'))
class FS(frozenset): pass
print(FS([1]), len(FS()))
class E(Exception): pass
print(repr(E(1)))
class L(list): pass
l = L([1,2]); l.x = 5; print(l.x, l, l.__dict__, vars(l))
class D(dict): pass
dd = D(a=1); dd.y = 3; print(dd, dd.y)
print(type(int(I(9))), type(float(F(1.0))), type(str(S('ab'))), type(tuple(T(1,2))), type(bytes(B(b'x'))), type(list(L([1]))))
class I2(int):
    def __new__(cls, v):
        self = int.__new__(cls, v * 2)
        self.orig = v
        return self
    def __add__(self, o): return 'added'
    def __repr__(self): return f'I2({int(self)})'
a = I2(4); print(a, a.orig, a + 1, 1 + a, a * 3, a.__class__.__name__)
class P(object):
    def __new__(cls, *a):
        print('new', cls.__name__, a)
        return object.__new__(cls)
    def __init__(self, x): self.x = x
print(P(3).x)
class Color(int):
    def __str__(self): return 'Color' + super().__str__()
print(str(Color(3)), Color(3) + Color(4), repr(Color(3)))
class Up(str):
    def __new__(cls, s): return super().__new__(cls, s.upper())
print(Up('abc'), type(Up('abc')).__name__, isinstance(Up('x'), str), Up('a') < 'b', sorted([Up('b'), 'a']))
try:
    B(b'a').zz
except AttributeError as e: print(e)
try:
    class Bad(int, str): pass
except TypeError as e: print(e)
# More: super() into the base's methods, operators kept, subclass of a subclass.
class Money(float):
    def __new__(cls, amount, cur='EUR'):
        self = super().__new__(cls, round(amount, 2))
        self.cur = cur
        return self
    def __str__(self): return f'{float(self):.2f} {self.cur}'
m = Money(3.14159)
print(m, m + 1, type(m + 1).__name__, m * 2 > 6, m.cur, repr(m), m.is_integer())
class Stack(list):
    def push(self, x): self.append(x); return self
    def __repr__(self): return 'Stack' + super().__repr__()
st = Stack([1]).push(2).push(3)
print(st, len(st), st[-1], st + [4], type(st + [4]).__name__, sorted(st, reverse=True))
class Counts(dict):
    def __missing__(self, k): return 0
c = Counts(a=1)
print(c['a'], c['zz'], len(c), type(c).__name__)
class Tag(str): pass
class SubTag(Tag):
    def __len__(self): return 99
print(len(SubTag('ab')), SubTag('ab').upper(), isinstance(SubTag('x'), Tag), SubTag.__mro__)
class Pair(tuple):
    __slots__ = ()
    def __new__(cls, a, b): return tuple.__new__(cls, (a, b))
    @property
    def first(self): return self[0]
p = Pair(5, 6)
print(p.first, p, hash(p) == hash((5, 6)), p == (5, 6), p < (5, 7), list(p), max(p))
try:
    p.other = 1
except AttributeError as e: print('AttributeError:', e)
class Big(int): pass
b = Big(2 ** 70)
print(b, b + 1, b > 2 ** 69, type(b - b).__name__, hash(b) == hash(2 ** 70), Big(-5) // 2, abs(Big(-5)))
class MyErr(ValueError):
    def __init__(self, code): super().__init__(f'code {code}'); self.code = code
try:
    raise MyErr(7)
except ValueError as e: print(type(e).__name__, e, e.code, e.args)
class FS2(frozenset):
    def __new__(cls, *items): return super().__new__(cls, items)
print(sorted(FS2(3, 1, 2)), 2 in FS2(2), FS2(1) | {5})
print(I(3) < 4, I(3) + I(4), type(I(3) + I(4)).__name__, -I(0), int.__add__(I(2), 3))
print(Up('q') * 3, Up('ab').__class__.__name__, 'A' in Up('xa'))
raise MyErr(99)
