# Arrays used against themselves, mutated while iterated, grown past the heap: CPython's
# results or a clean exception, never a crash.
from array import array

a = array('i', [1, 2, 3])
a += a
print(a)
a[1:] = a
print(a)
a[:0] = a[-2:]
print(a)
a[::2] = a[::-2]
print(a)
a.extend(a[::-1])
print(a, len(a))

b = array('i', range(1, 7))
seen = []
for x in b:
    seen.append(x)
    del b[0]
print(seen, b)

c = array('h', [5])
for x in c:
    if len(c) < 6:
        c.append(x + 1)
print(c)


class Grow:
    def __init__(self, target):
        self.target = target

    def __index__(self):
        self.target.append(len(self.target))
        return 42


d = array('i', [0])
e = array('i', [9, 9])
e[0] = Grow(d)
e.append(Grow(d))
e.insert(0, Grow(d))
print(d, e, e.count(Grow(d)), d)

for tc, n in [('b', 2**62), ('d', 2**61), ('q', 2**60)]:
    try:
        array(tc, [1]) * n
    except MemoryError as ex:
        print(tc, 'MemoryError', ex)
f = array('B', [7])
try:
    f *= 2**62
except MemoryError:
    print('MemoryError in place', f)

m = memoryview(array('i', [4, 5]))
print(m.tolist(), m.obj)
g = array('b', bytes(100000))
g[-1] = 1
print(len(g), sum(g), g.count(0), g.index(1), 1 in g[:-1])
del g[::2]
print(len(g), g[-1])
