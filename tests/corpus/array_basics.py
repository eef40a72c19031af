# array.array: construction, methods, repr, iteration and operators.
import array
from array import array as A

print(array.typecodes, array.ArrayType is A, A)
print(A.__name__, A.__module__, type(A('i')))

for tc in array.typecodes:
    a = A(tc)
    print(tc, a.typecode, a.itemsize, len(a), repr(a))

a = A('i', [3, 1, 4, 1, 5, 9, 2, 6])
print(a, len(a), a[0], a[-1], a[3])
print(list(a), a.tolist(), [x * 2 for x in a])
print(1 in a, 7 in a, 1.0 in a, 'x' in a, a.count(1), a.count(7), a.index(1), a.index(1, 2), a.index(9, 0, 6))
a.append(5)
a.insert(0, 10)
a.insert(-1, 11)
a.insert(100, 12)
a.insert(-100, 13)
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1)
print(a)
a.reverse()
print(a)
a.extend([7, 8])
a.extend(A('i', [20, 21]))
a.extend(x * x for x in range(3))
a.extend(a)
print(a, len(a))
a.fromlist([100, 200])
print(a.tolist()[-3:])

# initializers: list, tuple, iterables, bytes, another array, str for 'u'
print(A('d', (1, 2.5, -0.0)), A('f', range(4)), A('b', b'\x01\xff'), A('B', bytearray(b'AZ')))
print(A('h', A('h', [1, -2])), A('q', A('i', [5, 6])), A('d', A('f', [0.5])))
print(A('u', 'héllo ☃'), A('u', 'héllo').tounicode(), A('u', ['a', 'b']), A('u'))
u = A('u', 'ab')
u.fromunicode('cd')
u.append('é')
print(u, u.tounicode(), u[1], u[-1], 'c' in u, u.index('d'), list(u))
print(A('f', [0.1, 1.5, -2.25, 1e300, float('inf'), float('-inf')]), A('d', [0.1, 1e-7, 1e22, 123456789.125]))
n = A('d', [float('nan')])
print(n, n == n, n != n, float('nan') in n)

# operators
x = A('i', [1, 2])
y = A('i', [3])
print(x + y, x * 3, 3 * x, x * 0, x * -2, y * 1)
x += y
x *= 2
print(x)
z = A('i', [1, 2])
z *= 0
print(z, len(z))
print(A('i', [1, 2]) == A('i', [1, 2]), A('i', [1, 2]) == A('d', [1.0, 2.0]), A('i', [1, 2]) != A('i', [1, 3]))
print(A('i', [1, 2]) < A('i', [1, 3]), A('i', [1, 2]) < A('i', [1, 2, 0]), A('i', [2]) > A('i', [1, 9]))
print(A('b', [1]) <= A('b', [1]), A('B', [200]) >= A('b', [-1]), A('d', [1.5]) > A('q', [1]), A('Q', [2**64 - 1]) > A('d', [1e19]))
print(A('u', 'ab') < A('u', 'b'), A('u', 'a') == A('i', [97]), A('i') == A('d'), A('i', [1]) == [1])
print(bool(A('i')), bool(A('i', [0])))

# copies, byteswap, tobytes/frombytes round trips
c = a.__copy__()
c[0] = -1
print(a[0] != c[0], a.__deepcopy__({}) == a)
s = A('h', [1, 256, -2])
t = A('h', s.tobytes())
print(t == s, len(s.tobytes()))
s.byteswap()
print(s)
s.byteswap()
print(s)
f = A('d', [1.5])
f.byteswap()
f.byteswap()
print(f)
e = A('i')
e.frombytes(A('i', [7, 8]).tobytes())
e.frombytes(b'')
print(e, e.buffer_info()[1], type(e.buffer_info()[0]).__name__)

# iteration sees appends
it = iter(A('i', [1, 2]))
print(type(it).__name__, next(it))
grow = A('i', [1])
for v in grow:
    if v < 4:
        grow.append(v + 1)
print(grow)

# subclassing
class Samples(A):
    def mean(self):
        return sum(self) / len(self)

s = Samples('d', [1, 2, 3, 4])
s.label = 'volts'
print(s, s.mean(), s.label, isinstance(s, A), s.typecode, s[1:3], type(s[1:3]).__name__)
s.append(5)
print(len(s), s.tolist(), type(s + s).__name__)


class Z(A):
    def __init__(self, tc, data):
        self.count0 = data.count(0)

z = Z('b', [0, 1, 0])
print(z, z.count0)
