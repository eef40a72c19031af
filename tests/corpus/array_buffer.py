# The buffer protocol: memoryview, bytes(), bytearray(), struct, frombytes, exports.
import struct
from array import array

a = array('h', [1, -2, 300])
m = memoryview(a)
print(m.format, m.itemsize, m.nbytes, len(m), m.readonly, m.tolist(), m[1], m[-1])
m[0] = 1000
print(a, m.obj is a)
m[1:3] = memoryview(array('h', [7, 8]))
print(a)
print(bytes(a) == a.tobytes(), bytearray(a) == bytearray(a.tobytes()), len(bytes(a)))

for tc in 'bBhHiIlLqQfd':
    v = memoryview(array(tc, [1, 2]))
    print(tc, v.format, v.itemsize, v.tolist(), v.nbytes)
u = memoryview(array('u', 'ab'))
print(u.format, u.itemsize, u.nbytes)
try:
    u.tolist()
except NotImplementedError as e:
    print('NotImplementedError', e)

# casts write through to the array
d = array('i', [0, 0])
c = memoryview(d).cast('B')
c[0] = 1
c[4] = 2
print(d, len(c), c.format)
print(memoryview(array('d', [1.5])).cast('B').tolist() == list(struct.pack('d', 1.5)))

# struct reads and writes arrays in place
s = array('B', bytes(8))
struct.pack_into('<hI', s, 1, -2, 0xDEADBEEF)
print(s, struct.unpack_from('<hI', s, 1), struct.unpack('<8B', s))
f = array('f', [1.5, -2.0])
print(struct.unpack_from('ff', f), struct.unpack('=f', bytes(f)[4:]))

# frombytes takes any bytes-like object
g = array('i')
g.frombytes(memoryview(array('i', [5, 6]).tobytes()))
g.frombytes(bytearray(array('i', [7]).tobytes()))
g.frombytes(array('b', [8, 0, 0, 0]))
print(g)
for src in [array('i', [8]), memoryview(b'abcd').cast('i')]:
    try:
        g.frombytes(src)
    except TypeError as e:
        print('TypeError', e)

# bytes-likes: concatenation, comparison, bytearray methods
print(b'ab' + array('b', [1]), bytearray(b'ab') + array('b', [1]))
print(b'a' == array('b', [97]), bytearray(b'a') == array('b', [97]), array('b', [97]) == bytearray(b'a'))
ba = bytearray()
ba.extend(array('B', [65, 66]))
print(ba)

# an exported array cannot be resized
e = array('i', [1, 2, 3])
v = memoryview(e)
for op in [lambda: e.append(4), lambda: e.extend([4]), lambda: e.pop(), lambda: e.remove(1),
           lambda: e.insert(0, 0), lambda: e.frombytes(b'\0' * 4), lambda: e.fromlist([1])]:
    try:
        op()
        print('resized?', e)
    except BufferError as ex:
        print('BufferError', ex)
try:
    del e[0]
except BufferError as ex:
    print('BufferError', ex)
try:
    e *= 2
except BufferError as ex:
    print('BufferError', ex)
e[0] = 10
e[0:2] = array('i', [20, 30])
e.reverse()
e *= 1
print(e, v.tolist())
v.release()
e.append(4)
print(e)
with memoryview(e) as w:
    w[0] = 0
    try:
        e.pop()
    except BufferError as ex:
        print('BufferError', ex)
e.pop()
print(e)
bb = array('b', [1, 2])
try:
    bb.frombytes(bb)
except BufferError as ex:
    print('BufferError', ex)
bb.frombytes(bb[:])
print(bb)
