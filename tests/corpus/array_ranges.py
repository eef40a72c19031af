# Every typecode's range, the values just outside it, and CPython's errors.
from array import array


class Idx:
    def __index__(self):
        return 7


class Flt:
    def __float__(self):
        return 2.5


values = [0, 1, -1, 127, 128, -128, -129, 255, 256, 32767, 32768, -32768, -32769, 65535, 65536,
          2**31 - 1, 2**31, -2**31, -2**31 - 1, 2**32 - 1, 2**32, 2**63 - 1, 2**63, -2**63, -2**63 - 1,
          2**64 - 1, 2**64, -2**64, 10**30, -10**30, True, Idx(), 1.0, '1', None, Flt()]

for tc in 'bBhHiIlLqQ':
    a = array(tc)
    print(tc, a.itemsize)
    for v in values:
        try:
            a.append(v)
            print('  ok', a[-1])
        except (OverflowError, TypeError) as e:
            print(' ', type(e).__name__, e)
    # the extremes survive a round trip through bytes
    b = array(tc)
    b.frombytes(a.tobytes())
    print('  same', a == b, a.tolist() == b.tolist(), min(a), max(a))

for tc in 'fd':
    a = array(tc)
    for v in [0, -0.0, 1, 0.1, 1e38, 3.5e38, 1e300, -1e300, 2**70, 10**400, float('inf'), float('nan'), True,
              Idx(), Flt(), 'x', None, 1j]:
        try:
            a.append(v)
            print(tc, 'ok', a[-1])
        except (OverflowError, TypeError) as e:
            print(tc, type(e).__name__, e)

a = array('u')
for v in ['a', 'é', '☃', '😀', '', 'ab', 1, None, b'a']:
    try:
        a.append(v)
        print('u ok', a[-1])
    except TypeError as e:
        print('u', type(e).__name__, e)
print(a, len(a), a.tounicode())

# setitem, insert, fromlist and the constructor convert the same way
for op in [lambda: array('b', [1, 200]), lambda: array('B', [-1]), lambda: array('H', (70000,)),
           lambda: array('I', [-5]), lambda: array('Q', [2**64]), lambda: array('q', [2**63])]:
    try:
        print(op())
    except OverflowError as e:
        print('OverflowError', e)
a = array('h', [1, 2, 3])
for i, v in [(0, 40000), (1, 'x'), (2, -32768)]:
    try:
        a[i] = v
    except (OverflowError, TypeError) as e:
        print(type(e).__name__, e)
print(a)
try:
    a.fromlist([4, 5, 99999])
except OverflowError as e:
    print('fromlist', e, a)
try:
    a.insert(0, 2**15)
except OverflowError as e:
    print('insert', e, a)
try:
    a.extend([6, 7, 2**20, 8])
except OverflowError as e:
    print('extend', e, a)
