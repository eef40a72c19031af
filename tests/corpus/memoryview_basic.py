b = bytearray(b'abcdef')
m = memoryview(b)
print(len(m), m[0], m[-1], m.nbytes, m.readonly, m.format, m.itemsize, m.obj is b)
s = m[1:4]
print(bytes(s), s.tobytes(), s.tolist(), s.hex(), m[::2].tobytes(), m[::-1].tolist())
s[0] = 66
print(b)
m[2:4] = b'XY'
print(b, s == b'BXY', m == b, bytes(m[::2]))
for e in [lambda: b.append(1), lambda: memoryview(b'ab').__setitem__(0, 1), lambda: m.__setitem__(slice(0, 2), b'abc'),
          lambda: m.__setitem__(0, 300), lambda: m.__setitem__(0, 'a'), lambda: memoryview('x'), lambda: m[10],
          lambda: m.cast('x'), lambda: len(m.cast('H')), lambda: hash(m), lambda: len(m.cast('B').cast('H'))]:
    try:
        r = e()
        print(r if not isinstance(r, memoryview) else r.tolist())
    except Exception as ex:
        print(type(ex).__name__, ex)
m.release()
del s
b.append(33)
print(b)
try:
    len(m)
except ValueError as ex:
    print(ex)
x = bytearray(8)
v = memoryview(x).cast('H')
v[0] = 0x1234; v[3] = 65535
print(x, v.tolist(), len(v), v.itemsize, v.format, v.nbytes)
w = memoryview(x).cast('i')
w[1] = -2
print(w.tolist(), memoryview(x).cast('q').tolist(), memoryview(bytes(8)).cast('d').tolist())
f = bytearray(4); memoryview(f).cast('f')[0] = 1.5; print(f, memoryview(f).cast('f')[0])
print(memoryview(b'abc').cast('c').tolist(), memoryview(b'\xff').cast('b')[0], hash(memoryview(b'ab')) == hash(b'ab'))
r = memoryview(b'hello')
print(r[1:3].tobytes(), bytes(r[1:3]), b'x' + r[:2], bytearray(r[3:]), r.toreadonly().readonly)
m2 = memoryview(bytearray(b'xy'))
m2.__enter__(); m2.__exit__(None, None, None)
print(repr(m2).startswith('<released memory at'))

b = bytearray(b'0123456789')
m = memoryview(b)
m[2:5] = m[5:8]
print(b)
v = m[::3]
print(v.tolist(), len(v), v.nbytes, v.contiguous, bytes(v), v[1:].tolist())
try:
    v.cast('B')
except TypeError as e:
    print('TypeError', e)
try:
    m2 = m[1:3]
    m2[0:2] = b'xyz'
except ValueError as e:
    print('ValueError', e)
del m, v, m2
b.extend(b'!')
print(b)
views = [memoryview(b) for _ in range(3)]
try:
    b.append(1)
except BufferError as e:
    print('BufferError', e)
for x in views:
    x.release()
b.append(63)
print(b, memoryview(b'abc') == memoryview(b'abc'), memoryview(b'abc') != b'abd', memoryview(b'a').obj)
print(list(memoryview(b'xyz')), memoryview(bytearray(4)).cast('I').tolist(), memoryview(b'ab').shape, memoryview(b'ab').strides, memoryview(b'a').ndim)
w = memoryview(b'abc').__enter__()
print(w[1], w.tobytes())
w.__exit__(None, None, None)
w.tobytes()
