# The lookup cache (vm/src/lookup_cache.rs) must see every change to attributes made behind
# its back: class attributes changed, instance __dict__ writes, methods replaced on the class
# or set on the instance, descriptors and properties added later, __getattr__,
# __getattribute__, __slots__, attribute stores (STORE_ATTR) with setters and __setattr__
# added later, instances switching to dict mode.


class A:
    def m(self):
        return 'A.m'


class B(A):
    pass


def read_x(o):
    return o.x


def call_m(o):
    return o.m()


a = A()
a.x = 1
b = B()
b.x = 'bx'
print([read_x(a) for _ in range(3)], read_x(b), read_x(a))

# Instance __dict__ writes behind the cache.
a.__dict__['x'] = 2
print(read_x(a))
vars(a)['x'] = 3
print(read_x(a))
del a.x
try:
    read_x(a)
except AttributeError as e:
    print('AttributeError:', e)
a.x = 4
print(read_x(a))

# A property added to the class after the instance attribute was cached wins (data descriptor).
A.x = property(lambda self: 'prop')
print(read_x(a), read_x(b))
del A.x
print(read_x(a), read_x(b))

# A plain class attribute does not hide the instance's.
A.x = 'class x'
print(read_x(a))
del a.x
print(read_x(a))
del A.x

# Methods replaced on the class, on a base, set on the instance.
print([call_m(a) for _ in range(3)], call_m(b))
A.m = lambda self: 'A.m2'
print(call_m(a), call_m(b))
B.m = lambda self: 'B.m'
print(call_m(a), call_m(b))
del B.m
print(call_m(b))
a.m = lambda: 'instance m'
print(call_m(a), call_m(A()))
del a.m
print(call_m(a))

# A method turned into a staticmethod / property / non-callable after being cached.
class C:
    def f(self):
        return 'C.f'


def call_f(o):
    return o.f()


c = C()
print([call_f(c) for _ in range(2)])
C.f = staticmethod(lambda: 'static')
print(call_f(c))
C.f = property(lambda self: lambda: 'from property')
print(call_f(c))
C.f = 5
try:
    call_f(c)
except TypeError as e:
    print('TypeError:', e)


# __getattr__ only on misses.
class G:
    def __getattr__(self, name):
        return 'getattr ' + name


g = G()
g.x = 'real'
print(read_x(g), read_x(g))
del g.x
print(read_x(g))


class GA:
    def __getattribute__(self, name):
        if name == 'x':
            return 'intercepted x'
        return object.__getattribute__(self, name)

    def __init__(self):
        self.x = 'stored'

    def m(self):
        return 'GA.m'


ga = GA()
print(read_x(ga), call_m(ga))
GA.m = lambda self: 'GA.m2'
print(read_x(ga), call_m(ga))


# __slots__ instances.
class S:
    __slots__ = ('x', 'm')


s = S()
s.x = 'slot x'
print(read_x(s), read_x(s))
s.x = 'slot x2'
print(read_x(s))
del s.x
try:
    read_x(s)
except AttributeError as e:
    print('AttributeError:', e)
s.m = lambda: 'slot m'
print(call_m(s))


# Same attribute through many classes at one site (cache slot replaced each time).
class K1:
    def __init__(self):
        self.x = 'k1'


class K2:
    def __init__(self):
        self.y = 0
        self.x = 'k2'


a.x = 'ax'
objs = [K1(), K2(), K1(), K2(), a]
print([read_x(o) for o in objs])

# Attribute names added in different orders (instances switch to dict mode).
class D:
    pass


d1 = D()
d1.p = 1
d1.x = 'd1x'
d2 = D()
d2.x = 'd2x'
d2.p = 2
print(read_x(d1), read_x(d2), read_x(d1))

# Built-in types: methods looked up on lists, strs, dicts repeatedly; a subclass overriding.
def app(o, v):
    o.append(v)
    return o


class L(list):
    def append(self, v):
        list.append(self, v * 2)


print(app([], 1), app(L(), 1), app([], 2), app(L(), 3))


# A class counter mutated in a loop (class dict writes between cached lookups).
class Counter:
    n = 0

    def bump(self):
        Counter.n += 1
        return Counter.n


k = Counter()
print([k.bump() for _ in range(5)], k.n)


# Stores: the same STORE_ATTR site, then a property setter / __setattr__ added to the class.
class W:
    def __init__(self, v):
        self.v = v


def put_v(o, v):
    o.v = v


w = W(1)
for i in range(3):
    put_v(w, i)
print(w.v, vars(w))
log = []
W.v = property(lambda self: 'got', lambda self, v: log.append(v))
put_v(w, 'through setter')
print(log, w.v, w.__dict__)
del W.v
put_v(w, 'direct again')
print(w.v)
W.__setattr__ = lambda self, k, v: log.append((k, v))
put_v(w, 'hooked')
print(log, w.v)
del W.__setattr__
put_v(w, 'unhooked')
print(w.v)

# Stores that change an instance's attribute order (it switches to a dict) and deletions.
class O:
    pass


def put_a(o, v):
    o.a = v


def put_b(o, v):
    o.b = v


o1, o2 = O(), O()
put_a(o1, 1)
put_b(o1, 2)
put_b(o2, 3)
put_a(o2, 4)
print(vars(o1), vars(o2))
del o1.a
put_a(o1, 5)
put_b(o1, 6)
print(vars(o1), o1.a, o1.b)
put_a(o2, 7)
print(vars(o2))


# Stores into subclass instances and into a base with __slots__.
class Base:
    def __init__(self):
        self.v = 'base'


class Sub(Base):
    pass


objs = [Base(), Sub(), Base()]
for k, ob in enumerate(objs):
    put_v(ob, k)
print([vars(ob) for ob in objs])


class SV:
    __slots__ = ('v',)


sv = SV()
for i in range(3):
    put_v(sv, i)
print(sv.v)
