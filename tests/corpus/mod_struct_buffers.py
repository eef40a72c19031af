import struct

# pack_into writes into bytearray and writable memoryview buffers
ba = bytearray(8)
struct.pack_into('<hh', ba, 2, 1, 2)
print(ba)
mv = memoryview(ba)
struct.pack_into('<h', mv, 0, 7)
print(ba)
struct.pack_into('>I', mv[4:], 0, 0x01020304)
print(ba)
struct.pack_into('<h', ba, -2, -1)
print(ba)
s = struct.Struct('<bb')
s.pack_into(ba, 1, 5, 6)
print(ba, s.unpack_from(ba, 1))
print(struct.pack_into('3s', ba, 0, b'xyz'), ba)
for b in (5, b'ab', memoryview(b'abcd'), 'str'):
    try:
        struct.pack_into('<h', b, 0, 1)
    except Exception as e:
        print(type(e).__name__, e)
ba = bytearray(4)
for off in (-1, -5, 3, 10, -2, 0):
    try:
        struct.pack_into('<h', ba, off, 1)
        print(ba)
    except Exception as e:
        print(type(e).__name__, e)
for off in ('x', 2**70, 1.0):
    try:
        struct.pack_into('<h', ba, off, 1)
    except Exception as e:
        print(type(e).__name__, e)
try:
    struct.pack_into('<h', ba, 0, 1, 2)
except Exception as e:
    print(type(e).__name__, e)
try:
    struct.pack_into('<h', ba, 0, 'x')
except Exception as e:
    print(type(e).__name__, e)
print(ba)

# reading from any bytes-like object
print(struct.unpack('<h', memoryview(b'\x01\x02')), struct.unpack('<h', bytearray(b'\x01\x02')))
print(struct.unpack_from('<h', bytearray(b'\x00\x01\x02'), 1), struct.unpack_from('<B', memoryview(b'abc')[1:]))

# iter_unpack is an iterator over the buffer
it = struct.iter_unpack('<h', bytearray(b'\x01\x00\x02\x00\x03\x00'))
print(type(it).__name__, iter(it) is it, it.__length_hint__())
print(next(it), it.__length_hint__(), list(it), it.__length_hint__(), list(it))
print(list(struct.iter_unpack('<bb', memoryview(b'\x01\x02\x03\x04'))))
print(list(struct.Struct('>H').iter_unpack(b'\x00\x01\x00\x02')))
for args in (('<h', 5), ('<h', b'abc'), ('', b'')):
    try:
        struct.iter_unpack(*args)
    except Exception as e:
        print(type(e).__name__, e)
