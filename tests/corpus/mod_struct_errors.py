import struct

def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

print(struct.error, struct.error.__module__, struct.error.__name__, struct.Struct.__name__)
print(issubclass(struct.error, Exception))
for mode in '@<>=!':
    for c in 'bBhHiIlLqQ':
        for v in [2**64, -2**64, 300, -300, 40000, 70000, 2**31, 2**32, -1, 2**63, -2**63 - 1, 1.5, 'a', None]:
            try:
                struct.pack(mode + c, v)
            except Exception as e:
                print(mode, c, v, type(e).__name__, e)
for c in 'efd':
    for v in [2**64, 10**400, 'a', None]:
        t(struct.pack, c, v)
t(struct.pack, 'P', 2**64)
t(struct.pack, 'P', 1.0)
t(struct.pack, 'c', b'ab')
t(struct.pack, 'c', 'a')
t(struct.pack, 's', 'a')
t(struct.pack, 'p', 1)
t(struct.pack, 'x', 1)
t(struct.pack, 'hh', 1)
t(struct.pack, 'h')
t(struct.pack, 5)
t(struct.pack)
for f in ['2 h', 'h2', '<@h', 'z', '3', '>P', '<n', '=N', '99999999999999999999h', 'h\0']:
    t(struct.calcsize, f)
t(struct.calcsize, 5)
t(struct.unpack, 'h', b'123')
t(struct.unpack, 'h', 'ab')
t(struct.unpack, 'h', b'')
t(struct.unpack_from, 'h', b'abcd', 5)
t(struct.unpack_from, 'h', b'abcd', -5)
t(struct.unpack_from, 'h', b'abcd', 3)
t(struct.unpack_from, '<i', b'abcd', 1)
t(struct.iter_unpack, 'h', b'abc')
t(struct.iter_unpack, '', b'abc')
t(struct.iter_unpack, '0h', b'')
t(struct.pack_into, 'h', b'ab', 0, 1)
t(struct.Struct, 5)
t(struct.Struct, 'q!')

def check(s):
    try:
        struct.unpack('<I', s)
    except struct.error as e:
        print('caught', e)
check(b'abc')
struct.unpack('<I', b'\x00')
