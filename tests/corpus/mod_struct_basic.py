import struct

print(struct.pack('<hid', 1, -2, 3.5))
print(struct.unpack('<hid', struct.pack('<hid', 1, -2, 3.5)))
print(struct.pack('>I', 0xdeadbeef), struct.pack('!H', 513), struct.pack('=q', -5))
print(struct.pack('<Q', 2**64 - 1), struct.unpack('<Q', b'\xff' * 8))
print(struct.pack('<q', -2**63), struct.unpack('>q', b'\x80' + b'\0' * 7))
print(struct.pack('3s', b'a'), struct.pack('2s', b'abc'), struct.pack('5p', b'abcdefg'))
print(struct.unpack('5p', b'\x09abcd'), struct.unpack('3s', b'xyz'))
print(struct.pack('?', []), struct.pack('?', [1]), struct.unpack('??', b'\x00\x07'))
print(struct.pack('c', b'z'), struct.unpack('cc', b'ab'))
print(struct.pack('4x'), struct.pack('<bxh', 1, 2))
print(struct.calcsize('@bi'), struct.calcsize('<bi'), struct.calcsize('@bq'), struct.calcsize('@hd'))
print(struct.calcsize(''), struct.calcsize('0s'), struct.calcsize(' h '), struct.calcsize('3h2x'))
print(struct.calcsize('@b0i'), struct.calcsize('@b0q'), struct.calcsize('2147483647x2147483647x'))
print(struct.calcsize(b'<i'))
print(struct.pack('<f', 1.5), struct.unpack('<f', struct.pack('<f', 0.1)))
print(struct.pack('>d', -0.0), struct.unpack('<d', struct.pack('<d', 1e300)))
print(struct.pack('<f', float('inf')), struct.pack('<d', float('nan')))
print(struct.pack('<f', 2**64), struct.pack('<d', True))

class Idx:
    def __index__(self):
        return 7

class Flt:
    def __float__(self):
        return 2.25

print(struct.pack('b', Idx()), struct.pack('<d', Flt()), struct.pack('<e', Idx()))
print(struct.unpack('<3h', b'\x01\x00\x02\x00\x03\x00'))
print(struct.pack('<3h', 1, 2, 3))
print(struct.unpack_from('<h', b'abcd', 2), struct.unpack_from('<h', b'abcd', -2))
print(struct.unpack_from('<h', b'abcd'), struct.unpack_from('<h', buffer=b'abcd', offset=1))
print(list(struct.iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00')))
for t in struct.iter_unpack('<bb', b'abcd'):
    print(t)
print(struct.pack('<n', 5) if False else 'native n needs @')
print(len(struct.pack('@nNP', -1, 2, 3)) == struct.calcsize('nNP'))
print(struct.unpack('@nNP', struct.pack('@nNP', -1, 2, 3)))
print(struct.unpack('<bBhHiIlLqQ', struct.pack('<bBhHiIlLqQ', -1, 255, -3, 65535, -5, 2**32 - 1, -7, 8, -9, 10)))
print(struct.unpack('>bBhHiIlLqQ', struct.pack('>bBhHiIlLqQ', -1, 255, -3, 65535, -5, 2**32 - 1, -7, 8, -9, 10)))
