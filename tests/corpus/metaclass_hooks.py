class M(type):
    def __new__(mcs, name, bases, ns, **kw):
        print('M.__new__', mcs.__name__, name, bases, sorted(k for k in ns if not k.startswith('__')), kw)
        cls = super().__new__(mcs, name, bases, ns)
        cls.tag = kw.get('tag', 'none')
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print('M.__init__', name, kw)
        super().__init__(name, bases, ns)
    def hello(cls):
        return 'hello from ' + cls.__name__
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print('prepare', name, kw)
        return {'injected': 1}
class A(metaclass=M, tag='x'):
    def f(self): return 1
print(type(A).__name__, A.tag, A.hello(), A.injected, A().f(), isinstance(A, M), type(A) is M)
class B(A):
    pass
print(type(B).__name__, B.tag, B.hello())
print(A.__mro__, B.__bases__, B.__name__, B.__qualname__, B.__module__, B.mro())
X = type('X', (A,), {'y': 2})
print(type(X).__name__, X.y, X.__name__)
class Meta2(type):
    def __call__(cls, *a, **k):
        print('Meta2.__call__', cls.__name__, a, k)
        inst = super().__call__(*a, **k)
        inst.made = True
        return inst
class C(metaclass=Meta2):
    def __init__(self, v): self.v = v
c = C(3, )
print(c.v, c.made)
class Base:
    subs = []
    def __init_subclass__(cls, /, flavor=None, **kw):
        super().__init_subclass__(**kw)
        cls.flavor = flavor
        Base.subs.append(cls.__name__)
class S1(Base, flavor='sweet'): pass
class S2(Base): pass
print(S1.flavor, S2.flavor, Base.subs)
try:
    class S3(Base, bogus=1): pass
except TypeError as e: print('TypeError:', e)
class D:
    def __set_name__(self, owner, name):
        print('set_name', owner.__name__, name)
        self.name = name
    def __get__(self, obj, objtype=None):
        if obj is None: return self
        return 'got ' + self.name
class H:
    attr = D()
    other = D()
print(H().attr, H.attr.name)
class G:
    def __class_getitem__(cls, item): return (cls.__name__, item)
print(G[int])
class G2(G): pass
print(G2['x'])
class M1(type): pass
class M2(type): pass
class P1(metaclass=M1): pass
class P2(metaclass=M2): pass
try:
    class Q(P1, P2): pass
except TypeError as e: print(e)
def fmeta(name, bases, ns, **kw):
    print('fmeta', name, kw)
    return 42
class Z(metaclass=fmeta, k=2): pass
print(Z)
bases = (A,)
class W(*bases): pass
print(type(W).__name__, W.__bases__)
kw = {'flavor': 'sour'}
class S4(Base, **kw): pass
print(S4.flavor)
try:
    class N(object, foo=1): pass
except TypeError as e: print(e)
# Registry metaclass, metaclass methods vs class methods, type() three-argument form.
class Registry(type):
    classes = {}
    def __new__(mcs, name, bases, ns):
        cls = type.__new__(mcs, name, bases, ns)
        mcs.classes[name] = cls
        return cls
    def __repr__(cls): return f'<registered {cls.__name__}>'
    def __len__(cls): return len(cls.fields)
    def __iter__(cls): return iter(cls.fields)
    def __getitem__(cls, k): return ('meta-getitem', k)
class Model(metaclass=Registry):
    fields = ('id',)
class User(Model):
    fields = ('id', 'name')
print(sorted(Registry.classes), User, repr(Model), len(User), list(User), User['k'], type(User).__name__)
Dyn = type('Dyn', (User,), {'fields': ('a', 'b', 'c'), 'greet': lambda self: 'hi'})
print(Dyn, len(Dyn), Dyn().greet(), Dyn.__bases__, isinstance(Dyn, Registry))
Plain = type('Plain', (), {})
print(Plain.__name__, Plain.__bases__, Plain.__mro__, type(Plain))
class Singleton(type):
    _inst = {}
    def __call__(cls, *a):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a)
        return cls._inst[cls]
class Config(metaclass=Singleton):
    def __init__(self, v): self.v = v
print(Config(1) is Config(2), Config(3).v)
class Ordered(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return {'order_marker': True}
    def __new__(mcs, name, bases, ns):
        ns['keys'] = [k for k in ns if not k.startswith('__')]
        return super().__new__(mcs, name, bases, ns)
class Rec(metaclass=Ordered):
    z = 1
    a = 2
    def m(self): pass
print(Rec.keys)
try:
    type('Bad', 5, {})
except TypeError as e: print('TypeError:', e)
try:
    type('Bad', (), [])
except TypeError as e: print('TypeError:', e)
class Strict(Base):
    def __init_subclass__(cls, **kw):
        print('Strict sees', cls.__name__, kw)
        super().__init_subclass__(**kw)
class Sub(Strict, flavor='bitter'): pass
print(Sub.flavor, Base.subs)
class Bad(P1, P2): pass
