# Indexing and slicing: reads with steps, assignment from arrays, deletion.
from array import array

a = array('i', range(10))
print(a[2:5], a[:3], a[7:], a[::2], a[::-1], a[-3:], a[8:2:-2], a[100:], a[5:2], a[:], a[1::3])
print(a[-1], a[-10], a[0])
for k in [10, -11]:
    try:
        a[k]
    except IndexError as e:
        print('IndexError', e)

b = array('i', range(10))
b[2:5] = array('i', [70])
print(b)
b[0:0] = array('i', [-1, -2])
print(b)
b[len(b):] = array('i', [99])
print(b)
b[::2] = array('i', [0] * len(b[::2]))
print(b)
b[::-3] = array('i', [5, 5, 5, 5])
print(b)
b[1:3] = b
print(b, len(b))
b[:] = array('i')
print(b)

c = array('d', [0.5 * i for i in range(8)])
del c[1]
print(c)
del c[-1]
print(c)
del c[1:3]
print(c)
del c[::2]
print(c)
del c[::-1]
print(c)
c = array('d', range(10))
del c[100:]
del c[5:2]
del c[1:8:3]
print(c)

d = array('u', 'hello world')
print(d[::-1].tounicode(), d[6:].tounicode(), d[::2])
d[0:5] = array('u', 'HELLO')
print(d)
e = array('b', [1, 2, 3, 4])
e[1] = -5
e[-1] = 127
print(e)
del e[0]
print(e)

for tgt, val in [(slice(0, 1), [1]), (slice(0, 1), array('h', [1])), (slice(0, 4, 2), array('i', [1])),
                 (slice(None), (1, 2)), (5, 1), (-20, 0)]:
    f = array('i', [1, 2, 3])
    try:
        f[tgt] = val
        print('ok', f)
    except Exception as ex:
        print(type(ex).__name__, ex)
for k in ['a', 1.5, None]:
    try:
        array('i', [1])[k]
    except TypeError as ex:
        print('TypeError', ex)
    try:
        array('i', [1])[k] = 1
    except TypeError as ex:
        print('TypeError', ex)
try:
    del array('i', [1])[3]
except IndexError as ex:
    print('IndexError', ex)


class I:
    def __index__(self):
        return 1


print(array('i', [5, 6, 7])[I()], array('i', [5, 6, 7])[I():])
