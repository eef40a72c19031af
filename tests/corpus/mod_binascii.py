import binascii
from binascii import hexlify, unhexlify, a2b_base64, b2a_base64, crc32

print(hexlify(b'\x01\xab\xff'), binascii.b2a_hex(b''), hexlify(b'abc', '-'), hexlify(b'abcde', ':', 2))
print(hexlify(b'abcde', b' ', -2), hexlify(b'abcdef', '.', 3), hexlify(b'ab', '-', 0), hexlify(data=b'\x00', sep='_'))
print(unhexlify(b'01abFF'), unhexlify('deadbeef'), binascii.a2b_hex(''))
for s in [b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', bytes(range(256))[:40]]:
    e = b2a_base64(s)
    print(e, b2a_base64(s, newline=False), a2b_base64(e) == s)
print(a2b_base64(b'Zm9v\nYmFy\n'), a2b_base64('Zm9vYg=='), a2b_base64(b'Zm9vYg==trailing'), a2b_base64(b'Zm=9v'))
print(a2b_base64(b'!!Zm9v!!'), a2b_base64(b'Zm9vYmE='), a2b_base64(b''))
print(crc32(b''), crc32(b'hello'), crc32(b'hello world'), crc32(b'world', crc32(b'hello ')), crc32(b'a', 2**40 + 5), crc32(b'x', -1))
print(issubclass(binascii.Error, ValueError), binascii.Error.__name__)

def t(f, *a, **k):
    try:
        print(f(*a, **k))
    except Exception as e:
        print(type(e).__name__, e)
t(unhexlify, b'abc')
t(unhexlify, b'zz')
t(unhexlify, 'é0')
t(unhexlify, 5)
t(hexlify, 'abc')
t(hexlify, b'ab', '--')
t(hexlify, b'ab', 5)
t(a2b_base64, b'Zm9vY')
t(a2b_base64, b'Zm9vYm')
t(a2b_base64, b'Z')
t(a2b_base64, b'Zm9vYmFyZ')
t(b2a_base64, 'abc')
t(crc32, 'abc')
try:
    unhexlify(b'0')
except binascii.Error as e:
    print('caught', e)
