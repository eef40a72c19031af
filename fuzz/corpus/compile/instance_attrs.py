# Instance attributes: set/get/del, __dict__ / vars() contents and order, many attributes,
# computed names, __dict__ writes, subclasses, properties, __getattr__, shadowing, dir(),
# many instances and collections in between.
import gc


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


p = P(1, 2)
print(p.x, p.y, vars(p))
p.z = [3]
print(p.z, p.__dict__)
p.x = 10
print(vars(p))
del p.y
print(vars(p), hasattr(p, "y"))
for access in (lambda: p.y, lambda: delattr(p, "y")):
    try:
        access()
    except AttributeError as e:
        print("AttributeError", e)
p.y = 20
print(vars(p), list(vars(p)))


# Two instances of one class setting attributes in different orders.
class O:
    pass


a = O()
a.a = 1
a.b = 2
b = O()
b.b = 3
b.a = 4
c = O()
c.a = 5
c.c = 6
c.b = 7
print(vars(a), vars(b), vars(c))
print(a.a, a.b, b.a, b.b, c.a, c.b, c.c)

# Delete then re-add moves the attribute to the end ("-a" deletes a, "a" sets it).
def replay(steps):
    o = O()
    for n, s in enumerate(steps.split()):
        if s[0] == "-":
            delattr(o, s[1:])
        else:
            setattr(o, s, n + 1)
    print(vars(o))
    return o

replay("a b c -a a")
replay("a b -b b")
f = replay("a b -a")
f.c = 9
print(vars(f))

# Reading __dict__ first, then setting more attributes.
g = O()
g.a = 1
gd = g.__dict__
g.b = 2
print(gd, gd is g.__dict__, vars(g) is gd)
gd["z"] = 3
print(g.z, hasattr(g, "z"))
del gd["a"]
print(hasattr(g, "a"), vars(g))
g.__dict__["k"] = "v"
print(g.k)
del g.__dict__["k"]
print(hasattr(g, "k"), vars(g))
g.__dict__.update({"m": 1, "n": 2})
print(g.m + g.n, sorted(vars(g).items()))


# Many attributes, beyond any key-table limit.
class Many:
    pass


m = Many()
for i in range(40):
    setattr(m, "attr_%d" % i, i * i)
print(len(vars(m)), m.attr_0, m.attr_17, m.attr_39, getattr(m, "attr_25"))
print(list(vars(m))[:3], list(vars(m))[-3:])
m2 = Many()
for i in reversed(range(40)):
    setattr(m2, "attr_%d" % i, i)
print(list(vars(m2))[:3], m2.attr_39, m2.attr_0)
m3 = Many()
m3.attr_5 = 5
m3.attr_3 = 3
print(vars(m3))

# Computed (non-interned) names.
h = O()
name = "".join(["comp", "uted"])
setattr(h, name, 1)
setattr(h, "ab" + "cd", 2)
print(getattr(h, "computed"), h.computed, h.abcd, hasattr(h, "ab" + "cd"), hasattr(h, "ab" + "ce"))
print(vars(h))
delattr(h, "ab" + "cd")
print(vars(h), getattr(h, "abcd", "gone"))
h2 = O()
h2.computed = 5
print(getattr(h2, "compu" + "ted"), hasattr(h2, "comp" + "uted"))
setattr(h2, "comp" + "uted", 6)
print(h2.computed, vars(h2))
k = O()
k.s1 = 1
setattr(k, "s" + "2", 2)
k.s3 = 3
print(vars(k), k.s2)


# Subclass instances sharing a base __init__.
class Base:
    def __init__(self):
        self.one = 1
        self.two = 2


class Sub(Base):
    def __init__(self):
        self.zero = 0
        super().__init__()
        self.three = 3


class Sub2(Base):
    pass


print(vars(Base()), vars(Sub()), vars(Sub2()))
s = Sub()
s.one = 11
print(s.zero, s.one, s.two, s.three, isinstance(s, Base))


# Properties take precedence over instance attributes.
class Prop:
    def __init__(self):
        self._v = 1
        self.__dict__["v"] = "shadowed?"

    @property
    def v(self):
        return self._v * 10

    @v.setter
    def v(self, x):
        self._v = x


q = Prop()
print(q.v, vars(q))
q.v = 5
print(q.v, q._v, vars(q))


# __getattr__ fallback.
class Fallback:
    def __init__(self):
        self.real = "real"

    def __getattr__(self, name):
        if name.startswith("x"):
            return "fallback " + name
        raise AttributeError(name)


fb = Fallback()
print(fb.real, fb.xyz, hasattr(fb, "xa"), hasattr(fb, "nope"), getattr(fb, "nope", 0))
fb.xyz = "set"
print(fb.xyz, vars(fb))


# Class attributes shadowed by instance attributes; methods shadowed too.
class Shadow:
    count = 0
    label = "class"

    def m(self):
        return "method"


sh = Shadow()
print(sh.count, sh.label, sh.m())
sh.count = 5
sh.m = lambda: "instance lambda"
print(sh.count, Shadow.count, sh.m(), Shadow().m(), vars(sh) == {"count": 5, "m": sh.m})
del sh.m
print(sh.m())
del sh.count
print(sh.count)
Shadow.label = "changed"
print(sh.label)

# dir() contains instance attributes.
dd = Shadow()
dd.alpha = 1
dd.zeta = 2
names = dir(dd)
print("alpha" in names, "zeta" in names, "m" in names, "count" in names, "__init__" in names)
print([n for n in names if not n.startswith("__")])
dd2 = Shadow()
dd2.__dict__["via_dict"] = 1
print([n for n in dir(dd2) if not n.startswith("__")])


# Attributes set in __init__ vs later, and many instances of one class.
class Rule:
    def __init__(self, name, lo, hi):
        self.name = name
        self.lo = lo
        self.hi = hi
        self.hits = 0
        self.tags = []


rules = []
for i in range(300):
    r = Rule("r%d" % i, i, i * 2)
    if i % 3 == 0:
        r.extra = {"i": i}
    if i % 7 == 0:
        r.tags.append(str(i))
    rules.append(r)
    if i % 50 == 0:
        gc.collect()
gc.collect()
print(len(rules), rules[0].name, rules[299].hi, rules[150].extra, rules[77].tags, sum(r.lo for r in rules))
print(vars(rules[3]))
print(vars(rules[4]))
late = Rule("late", 1, 2)
late.hits = 3
late.after = 1.5
print(vars(late))
for r in rules:
    r.hits += 1
    del r.lo
gc.collect()
print(sum(r.hits for r in rules), hasattr(rules[5], "lo"), vars(rules[6]))
for i, r in enumerate(rules):
    r.lo = -i
gc.collect()
print(vars(rules[9]), sum(r.lo for r in rules))

# Heap-object values survive collections, including after switching to a dict.
objs = []
for i in range(50):
    o = O()
    o.lst = [i, str(i)]
    o.tup = (i, "t" * (i % 5))
    o.big = 10 ** 30 + i
    if i % 2:
        o.__dict__
    if i % 5 == 0:
        setattr(o, "dyn" + str(i), [i] * 3)
    objs.append(o)
    gc.collect()
gc.collect()
print(objs[7].lst, objs[8].tup, objs[49].big, vars(objs[10]))
print(sum(o.lst[0] for o in objs), len([o for o in objs if len(vars(o)) == 4]))

# __dict__ assignment and deletion, instances of object().
n1 = O()
n1.a = 1
n1.__dict__ = {"b": 2}
print(vars(n1), hasattr(n1, "a"), n1.b)
try:
    n1.__dict__ = 5
except TypeError as e:
    print("TypeError", e)
del n1.__dict__
print(vars(n1))
n1.c = 3
print(vars(n1))
ob = object()
try:
    ob.x = 1
except AttributeError as e:
    print("AttributeError", e)
print(hasattr(ob, "__dict__"), hasattr(n1, "__dict__"))


# Equal-looking instance dicts and vars() identity.
class Pt:
    def __init__(self, x, y):
        self.x = x
        self.y = y


pts = [Pt(i, -i) for i in range(5)]
print([vars(t) for t in pts])
print(vars(pts[0]) == {"x": 0, "y": 0}, vars(pts[1]) is vars(pts[1]))


# Multiple inheritance, a class that learns more names than its keys table holds, a
# __setattr__ hook, object.__new__, and dict-subclass / cleared __dict__s.
class MA:
    def __init__(self):
        self.a = 1


class MB:
    def __init__(self):
        self.b = 2


class MC(MA, MB):
    def __init__(self):
        MA.__init__(self)
        MB.__init__(self)
        self.c = 3


mc = MC()
print(vars(mc), mc.a + mc.b + mc.c, [t.__name__ for t in MC.__mro__])


class Wide:
    pass


ws = []
for j in range(3):
    w = Wide()
    for i in range(j * 15, j * 15 + 20):
        setattr(w, "k%d" % i, i)
    ws.append(w)
gc.collect()
print([len(vars(w)) for w in ws], list(vars(ws[2]))[:3], ws[1].k20, ws[2].k49)
w = Wide()
w.k0 = 0
w.k1 = 1
w.brand_new = 2
print(vars(w))


class Hook:
    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 2)


hk = Hook()
hk.x = 5
print(hk.x, vars(hk))
on = object.__new__(MA)
print(vars(on))
on.z = 1
print(vars(on), on.__class__ is MA)


class DSub(dict):
    pass


ds = MA()
ds.__dict__ = DSub(q=1)
ds.r = 2
print(ds.q, type(ds.__dict__).__name__, sorted(vars(ds).items()))
cl = MA()
cl.__dict__.clear()
print(vars(cl), hasattr(cl, "a"))
cl.a = 9
print(vars(cl))
