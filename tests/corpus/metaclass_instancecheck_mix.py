class M(type):
    @property
    def info(cls): return 'info ' + cls.__name__
    def __instancecheck__(cls, inst): return True
    def __repr__(cls): return 'M-class'
class A(metaclass=M): pass
print(A.info, A, str(A), [A])
class B: pass
print(isinstance(5, A))
class E(Exception):
    def __new__(cls, *a):
        self = super().__new__(cls, *a)
        self.extra = 'x'
        return self
try:
    raise E('m')
except E as e: print(e, e.extra, e.args)
class I(int):
    def __add__(self, o): return I(super().__add__(o) * 10)
    def __eq__(self, o): return 'eq'
    __hash__ = int.__hash__
print(I(1) + 2, type(I(1) + 2).__name__, I(1) == 1, 1 == I(1), hash(I(7)))
class Base:
    def __eq__(self, o): return 'Base.eq'
class Der(Base):
    def __eq__(self, o): return 'Der.eq'
print(Base() == Der(), Der() == Base())
class Outer:
    class Inner:
        class Deep: pass
print(Outer.Inner.Deep.__qualname__, Outer.Inner.__name__, Outer.Inner.Deep.__module__)
print(A.__class__, type(A).__mro__)
class D(dict):
    def __getitem__(self, k): return 'D:' + str(dict.__getitem__(self, k))
d = D(a=1); print(d['a'], d.get('a'), list(d.items()))
class S(set): pass
print(S([1, 2]) | {3}, type(S([1]) | {3}).__name__, S([1]) == {1})
class Str2(str):
    def __repr__(self): return 'Str2!'
print([Str2('a')], f'{Str2("a")!r}', str(Str2('z')), Str2('a') == 'a', '%s' % Str2('q'))
print(int.__new__(I, 5), type(int.__new__(I, 5)).__name__)
print(tuple.__new__(tuple, [1]), object.__new__(B).__class__.__name__)
class F(float):
    def __repr__(self): return 'F!'
print(F(1.5), [F(1.5)], round(F(2.567), 1), F(3.0) == 3)
class B2(bytes): pass
print(B2(b'ab') + b'c', type(B2(b'ab') + b'c').__name__, B2(b'ab').decode(), len(B2(b'xyz')))
class SubCheck(type):
    def __subclasscheck__(cls, sub): return sub is int
class Any(metaclass=SubCheck): pass
print(issubclass(int, Any), issubclass(str, Any), isinstance(A(), A))
class Bad(metaclass=M, extra=1): pass
