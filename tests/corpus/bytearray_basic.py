b = bytearray(b'hello')
print(b, len(b), b[0], b[1:3], b[::-1])
b[0] = 72
print(b)
b[1:3] = b'EEEE'
print(b)
del b[0]
print(b)
del b[::2]
print(b)
b.append(33); b.extend([1, 2]); b.insert(0, 65)
print(b, b.pop(), b.pop(0), b)
b.remove(33); print(b)
c = b.copy(); c.reverse(); print(c, b)
b += b'xyz'; print(b)
b *= 2; print(b)
print(b == bytes(b), bytes(b), bytearray(3), bytearray([1, 2, 3]), bytearray('hé', 'utf-8'))
print(b.upper(), b.split(b'x'), b.partition(b'y'), bytearray(b' a ').strip())
print(b'a' + bytearray(b'b'), bytearray(b'a') + b'b', 120 in b, b'yz' in b)
print(bytearray.fromhex('01 ff'), bytes.fromhex('abcd'), b'\x01\x02\x03'.hex(':'), b'\x01\x02\x03'.hex('-', -2))
print(b'ab'.center(6, b'*'), b'-12'.zfill(6), b'a\tb'.expandtabs(4), b'hello world'.title(), b'abc'.capitalize())
print(b'a\nb\r\nc'.splitlines(), b'a\nb\r\nc'.splitlines(True), b'abc'.translate(bytes.maketrans(b'a', b'z'), b'c'))
x = bytearray(b'abcdef'); x[::2] = b'XYZ'; print(x); x[1:5] = []; print(x)
x = bytearray(range(10)); del x[::-3]; print(x)
for e in [lambda: hash(bytearray()), lambda: bytearray(b'a').__setitem__(0, 256), lambda: bytearray(b'a').__setitem__(slice(0,1), 5),
          lambda: bytearray(1.5), lambda: bytearray([300]), lambda: bytearray(b'ab').__setitem__(slice(None,None,2), b'xy'),
          lambda: bytearray().pop(), lambda: bytearray(b'a').remove(9), lambda: bytearray(b'a')[5], lambda: bytes.fromhex('0g'),
          lambda: bytearray(b'a') + 'x', lambda: bytearray(b'a').__setitem__(slice(0,1), ['a'])]:
    try:
        print(e())
    except Exception as ex:
        print(type(ex).__name__, ex)
print(list(bytearray(b'ab')), bytearray(b'abc') < b'abd', repr(bytearray()), str(bytearray(b"'")))
print(int(bytearray(b'12')), bytearray(b'ab').decode(), bytes(bytearray(b'q')))
ba = bytearray(b'abc')
ba[1:2] = ba
print(ba)
ba[:] = (x for x in range(65, 70))
print(ba, ba.find(b'C'), ba.count(66), ba.startswith(b'AB'), ba.join([b'1', bytearray(b'2')]), ba.hex('-'))
print(ba.center(9, b'.'), ba.ljust(7), ba.rjust(7, b'#'), ba.replace(b'B', b'bb'), ba.lower().title(), ba.isupper(), ba.isascii())
print(ba.split(), ba.rsplit(b'C'), ba.removeprefix(b'AB'), ba.expandtabs(), bytearray(b'a\tb').expandtabs(2), bytearray(b'ab cd').title())
ba.clear(); print(ba, len(ba), bool(ba))
ba.extend(b'xyz'); ba.extend(bytearray(b'!')); ba.extend(range(3)); print(ba)
print(bytearray(b'x') * 3, 2 * bytearray(b'ab'), bytearray(b'ab') == b'ab', b'ab' != bytearray(b'ab'), bytearray(b'b') > b'a')
class Idx:
    def __index__(self):
        return 7
b2 = bytearray(b'01234567')
b2[Idx()] = 65
print(b2, bytearray(Idx()), b2[Idx()], b2.pop(Idx() - 7))
try:
    bytearray(b'a').extend(5)
except TypeError as e:
    print(e)
try:
    bytearray(b'a').decode('ascii', 'strict').encode().nope
except AttributeError as e:
    print(e)
s = {1: bytearray(b'q')}
s[1] += b'r'
print(s)
bytearray(b'abc')[5] = 1
