# Small-int fast paths in BinaryOp / CompareOp / UnaryOp / PopJumpIf at their edges:
# the small-int range ends at 2**30 on 32-bit targets and 2**62 on 64-bit ones.
edges = [0, 1, -1, 2, -2, 7, -7, 2**30 - 1, 2**30, -2**30, -2**30 - 1,
         2**31 - 1, 2**31, -2**31, 2**62 - 1, 2**62, -2**62, -2**62 - 1, 2**63 - 1, -2**63]

def check(a, b):
    out = [a + b, a - b, a * b, a & b, a | b, a ^ b, a < b, a <= b, a == b, a != b, a > b, a >= b]
    if b != 0:
        out += [a // b, a % b, divmod(a, b)]
    x = a
    x += b
    x -= 1
    x *= 3
    out.append(x)
    return out

total = 0
for a in edges:
    for b in edges:
        r = check(a, b)
        total += hash(tuple(r)) & 0xFFFF
        if a in (2**30 - 1, 2**62 - 1, -2**30, -2**62) and b in (1, -1, 2):
            print(a, b, r)
print("edge checksum", total)

# Negative floor division and modulo round toward minus infinity.
for a in (7, -7, 0, 1, -1, 13, -13):
    for b in (2, -2, 3, -3, 1, -1, 7):
        print(a, b, a // b, a % b, -a // b, a % -b)

# Division by zero still raises from the fast path's fallback.
for op in ("//", "%", "/"):
    try:
        print(eval("5 " + op + " 0"))
    except ZeroDivisionError as e:
        print(op, "ZeroDivisionError", e)

# Shifts: large counts, negative counts, overflow out of the small-int range.
for x in (1, -1, 3, -3, 0, 2**30 - 1, 2**62 - 1):
    for n in (0, 1, 29, 30, 31, 32, 61, 62, 63, 64, 65, 100, 1000):
        y = x << n
        print(x, n, y == x * 2**n, y.bit_length(), x >> n, (y >> n) == x)
for x in (1, -1):
    for n in (-1, -100):
        for op in ("<<", ">>"):
            try:
                print(eval(str(x) + op + "(" + str(n) + ")"))
            except ValueError as e:
                print(x, op, n, "ValueError", e)

# Unary minus and invert at the edges.
for v in (0, 1, -1, 2**30, -2**30, 2**62, -2**62, -2**62 - 1, 2**62 - 1):
    print(v, -v, ~v, +v, not v)

# Mixing bools: True is an int in arithmetic, but an immediate in the VM.
print(True + True, True - False, True * 7, True // 1, -True, ~True, True << 3, True & 3, True == 1)
t = True
t += 1
print(t, type(t).__name__)
print(type(True & True).__name__, type(True | False).__name__, type(True ^ True).__name__)

# int subclasses with overridden operators never take the fast path.
class MyInt(int):
    def __add__(self, other):
        return "MyInt.__add__(%d, %r)" % (int(self), other)
    def __radd__(self, other):
        return "MyInt.__radd__(%d, %r)" % (int(self), other)
    def __lt__(self, other):
        return "MyInt.__lt__"
    def __floordiv__(self, other):
        return "MyInt.__floordiv__"
    def __neg__(self):
        return "MyInt.__neg__"
    def __bool__(self):
        print("MyInt.__bool__ called")
        return False

m = MyInt(5)
print(m + 1, 1 + m, m < 3, m // 2, -m, m - 1, m * 2)
x = 3
x += m
print(x)
if m:
    print("truthy")
else:
    print("falsy")
while m:
    break
print(not m)

class B(int):
    pass
b = B(7)
print(b + 1, type(b + 1).__name__, b // 2, b % 3, b < 8, -b, type(-b).__name__)

# Comparisons chained and used for jumps.
n = 0
for i in range(-5, 6):
    if -2 < i <= 3:
        n += i
    if i:
        n += 100
    if not i:
        n -= 1000
print(n)
print(0 == 0.0, 1 < 1.5, 2**62 < 2**63, -2**62 - 1 < -2**62, x is x)
