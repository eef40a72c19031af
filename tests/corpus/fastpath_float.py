# Float fast paths: both operands exact floats.
vals = [0.0, -0.0, 1.5, -2.25, 1e308, -1e308, 5e-324, float("inf"), float("-inf"), float("nan"), 3.0]
for a in vals:
    for b in vals:
        r = [a + b, a - b, a * b, a < b, a <= b, a == b, a != b, a > b, a >= b]
        if b != 0.0:
            r += [a / b, a // b, a % b]
        print(a, b, r)
for a, b in ((7.0, 2.0), (-7.0, 2.0), (7.0, -2.0), (-7.0, -2.0), (0.0, -3.0), (-0.0, 3.0), (1e300, 1e-300)):
    try:
        print(a, b, a + b, a - b, a * b, a / b, a // b, a % b, a ** 2.0)
    except OverflowError as e:
        print("OverflowError", e)
for op in ("/", "//", "%"):
    try:
        print(eval("1.5 " + op + " 0.0"))
    except ZeroDivisionError as e:
        print(op, "ZeroDivisionError", e)
try:
    print(1e300 ** 2.0)
except OverflowError as e:
    print("OverflowError", e)
print((-8.0) ** (1.0 / 3.0))
try:
    print(1.5 & 2.0)
except TypeError as e:
    print("TypeError", e)
x = 1.0
x += 2.5
x *= 2.0
x -= 0.5
x /= 4.0
print(x)
nan = float("nan")
print(nan == nan, nan != nan, nan < nan, nan is nan, [nan] == [nan])

class F(float):
    def __add__(self, o):
        return "F.__add__"
    def __lt__(self, o):
        return "F.__lt__"
f = F(1.0)
print(f + 1.0, 1.0 + f, f < 2.0, f * 2.0, type(f * 2.0).__name__)
class G(float):
    pass
g = G(2.5)
print(g + 1.0, type(g + 1.0).__name__, g < 3.0, -g)
print(1 + 2.5, 2.5 + 1, 3 < 3.5, 2**63 < 1e19, 2**53 + 1 == 2.0**53)

# Chains of float operations (intermediate results consumed at once are never boxed).
def chains(a, b, c, z):
    out = [a + b * c, a - b * c, a * b + c * a, a + b * c / 2.0, c + a * a + b * b + c * c]
    out.append(a + b / c if c else "no division")
    try:
        out.append(a + b / z)
    except ZeroDivisionError as e:
        out.append("ZeroDivisionError " + str(e))
    out.append(1 + a * 2 - 3 * b)
    out.append(2**60 + 1 + a * 0.5)
    out.append((2**53 + 1) * 1.0 + b * 0.0)
    out.append(-2**62 + a * c)
    return out
print(chains(1.5, 2.25, 3.0, 0.0))
print(chains(-0.0, 1e308, 10.0, 0.0))
print(chains(float("inf"), float("nan"), 0.0, 0.0))
print(chains(3, 4, 5, 0))
print(G(1.0) + 2.0 * 3.0, 2.0 + G(1.0) * 3.0, type(2.0 + G(1.0) * 3.0).__name__)
print(F(1.0) + 2.0 * 3.0, 2.0 * 3.0 + F(1.0), 1.0 + F(2.0) * 3.0)
x = 0.5
for i in range(5):
    x = x * x + 0.25 - 1 * x / 3
print(x)
