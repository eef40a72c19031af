# Python code run by a list operation (an iterator, __index__, __eq__, a sort key) changes
# the list under it. CPython reads the list's length again afterwards; nothing may read
# freed or stale slots (the first case was a use-after-free).
import gc

l = [[1], [2], [3]]


def g():
    l.clear()
    gc.collect()
    junk = [1.5 * i for i in range(99)]
    yield 0
    yield 0
    yield 0


l[2:3] = g()
print(l)

l = [[1], [2], [3], [4]]


def g2():
    l.append([5])
    yield "x"


l[1:3] = g2()
print(l)
l = list(range(6))


def g4():
    del l[:2]
    yield "a"
    yield "b"


try:
    l[::2] = g4()
except ValueError as e:
    print("ValueError", e)
print(l)


class Clearing:
    def __init__(self, target, value):
        self.target = target
        self.value = value

    def __index__(self):
        self.target.clear()
        gc.collect()
        return self.value


l = [[1], [2], [3], [4]]
print(l[1:Clearing(l, 3)])
l = [[1], [2], [3], [4]]
try:
    print(l[Clearing(l, 1)])
except IndexError as e:
    print("IndexError", e)
l = [[1], [2], [3], [4]]
del l[Clearing(l, 0):]
print(l)
l = [[1], [2], [3], [4]]
try:
    l.pop(Clearing(l, 1))
except IndexError as e:
    print("IndexError", e)
l = [[1], [2], [3], [4]]
l.insert(Clearing(l, 3), "ins")
print(l)
l = [[1], [2], [3], [4]]
try:
    l.index([4], Clearing(l, 0))
except ValueError as e:
    print("ValueError", e)


class Growing:
    def __init__(self, target):
        self.target = target

    def __index__(self):
        self.target.extend(["g1", "g2"])
        return -1


l = [1, 2, 3]
print(l[Growing(l)], l)
l = [1, 2, 3]
print(l[Growing(l):], l)
l = [1, 2, 3]
print(l.pop(Growing(l)), l)


class EqClears:
    """An item whose __eq__ empties the list it is in and collects, then defers."""

    def __init__(self, target):
        self.target = target

    def __eq__(self, other):
        self.target.clear()
        gc.collect()
        return NotImplemented

    def __repr__(self):
        return "EqClears()"


class Probe:
    def __eq__(self, other):
        print("  reflected sees", type(other).__name__, other)
        return False

    def __repr__(self):
        return "Probe()"


for op in ("in", "index", "count", "remove"):
    l = []
    l.extend([EqClears(l), EqClears(l)])
    p = Probe()
    print(op)
    try:
        if op == "in":
            print(" ", p in l)
        elif op == "index":
            l.index(p)
        elif op == "count":
            print(" ", l.count(p))
        else:
            l.remove(p)
    except ValueError as e:
        print("  ValueError", e)
    print(" ", l)


class EqAppends:
    def __init__(self, target):
        self.target = target

    def __eq__(self, other):
        if len(self.target) < 6:
            self.target.append(len(self.target))
        return False


l = []
l.append(EqAppends(l))
print(l.count(0), len(l))
l = []
l.append(EqAppends(l))
print(5 in l, len(l))

# list.sort: the list looks empty to the key function and comparisons; changing it raises.
l = [3, 1, 2]
seen = []


def key(x):
    seen.append(len(l))
    return x


l.sort(key=key)
print(l, seen)
l = [3, 1, 2]


def key2(x):
    l.append(x)
    return -x


try:
    l.sort(key=key2)
except ValueError as e:
    print("ValueError", e)
print(l)
l = [3, 1, 2]


def key3(x):
    l.clear()
    return x


l.sort(key=key3, reverse=True)
print(l)


class Lt:
    def __init__(self, v, target):
        self.v = v
        self.target = target

    def __lt__(self, other):
        self.target.append(0)
        self.target.pop()
        return self.v < other.v

    def __repr__(self):
        return "Lt(%d)" % self.v


l = []
l.extend([Lt(2, l), Lt(0, l), Lt(1, l)])
try:
    l.sort()
except ValueError as e:
    print("ValueError", e)
print(l)
l = [5, 4, "x"]
try:
    l.sort()
except TypeError as e:
    print("TypeError", e)
print(len(l))

# Comparisons whose __eq__ empties the containers being compared.
a = []
b = [Probe()]
a.append(EqClears(a))
print("list ==", a == b, a, len(b))
a = []
b = [Probe()]
a.append(EqClears(a))
print("list <", end=" ")
try:
    print(a < b)
except TypeError as e:
    print("TypeError", e)


class EqClearsDict:
    def __init__(self, target):
        self.target = target

    def __eq__(self, other):
        self.target.clear()
        gc.collect()
        return NotImplemented

    def __hash__(self):
        return 1

    def __repr__(self):
        return "EqClearsDict()"


d1 = {}
d1["k"] = EqClearsDict(d1)
d2 = {"k": Probe()}
print("dict ==", d1 == d2, d1)
d = {}
d["k"] = EqClearsDict(d)
print("items in", ("k", Probe()) in d.items(), d)
d = {}
d["k"] = EqClearsDict(d)
try:
    print("values in", Probe() in d.values(), d)
except RuntimeError as e:
    print("RuntimeError", e)

# Deeply nested containers compare without running out of temp roots.
a = b = 0
c = d = 0
for i in range(150):
    a = [a]
    b = [b]
    c = {"k": (c,)}
    d = {"k": (d,)}
print("nested", a == b, a < b, c == d, [a] == [b], b in [a])
