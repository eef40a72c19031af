import gc
import weakref


class C:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "C(%s)" % self.name


a = C("a")
r = weakref.ref(a)
print(r() is a, r().name)
print(weakref.ref(a) is r)
print(r.__callback__)
print(weakref.getweakrefcount(a), weakref.getweakrefs(a) == [r])
print(type(r).__name__, type(r) is weakref.ReferenceType, weakref.ref is weakref.ReferenceType)
print(r == weakref.ref(a), r != weakref.ref(a), hash(r) == hash(a))
del a
gc.collect()
print(r(), r() is None)
print(hash(r) == hash(r))

log = []


def cb(wr):
    log.append(wr)
    print("callback", wr is r2, wr())


b = C("b")
r2 = weakref.ref(b, cb)
r3 = weakref.ref(b)
print(r2 is not r3, r2.__callback__ is cb, weakref.getweakrefcount(b))
print(r2 == r3)
del b
gc.collect()
print("after collect", log == [r2], r2.__callback__, r2 == r3, r2 != r3)

# a dead ref without a cached hash cannot be hashed
c = C("c")
r4 = weakref.ref(c)
del c
gc.collect()
try:
    hash(r4)
except TypeError as e:
    print(type(e).__name__, e)

# refs to the same object compare equal even when distinct
d = C("d")
x1 = weakref.ref(d, lambda w: None)
x2 = weakref.ref(d, lambda w: None)
print(x1 == x2, x1 is x2, {x1: 1}[x2])

for bad in [1, "s", (1,), [1], {}, None, 1.5, b"x", ValueError(), object(), range(3)]:
    try:
        weakref.ref(bad)
    except TypeError as e:
        print(type(e).__name__, e)


def f():
    pass


print(weakref.ref(f)() is f, weakref.ref(C)() is C, weakref.ref(len)() is len)
s = {1, 2}
fs = frozenset([1])
print(weakref.ref(s)() is s, weakref.ref(fs)() is fs)

try:
    weakref.ref()
except TypeError as e:
    print(type(e).__name__)
try:
    r(1)
except TypeError as e:
    print(type(e).__name__, e)

e = C("e")
ra = weakref.ref(e, lambda w: print("first"))
rb = weakref.ref(e, lambda w: print("second"))
del e
gc.collect()
print("done")
# a reference that dies in a cycle with its object calls nothing
g = C("g")
g.cycle = g
g.self_ref = weakref.ref(g, lambda w: print("never"))
del g
gc.collect()
print("end")


# comparing and hashing run Python code while the targets are only weakly held
class Eq:
    def __eq__(self, other):
        junk = [[i] for i in range(50)]
        gc.collect()
        return isinstance(other, Eq)

    def __hash__(self):
        junk = [[i] for i in range(50)]
        gc.collect()
        return 7


p = Eq()
q = Eq()
print(weakref.ref(p) == weakref.ref(q), hash(weakref.ref(p)))
