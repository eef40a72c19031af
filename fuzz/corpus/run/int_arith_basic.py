# Basic integer arithmetic on small values.
a = 17
b = 5
print(a + b, a - b, a * b, a / b)
print(a // b, a % b, a ** 2, -a)
print(b - a, b * -a, +a, -(-a))
print(0 * a, a * 0, 0 - 0, 1 - 1)
print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, (2 ** 3) ** 2)
print(-2 ** 2, (-2) ** 2, -2 ** 3, (-2) ** 3)
print(10 / 4, 10 / 5, 1 / 3, -7 / 2)
print(7 // 1, 7 % 1, 0 // 7, 0 % 7)
x = 100
x += 1
print(x)
x -= 11
print(x)
x *= 3
print(x)
x //= 7
print(x)
x %= 5
print(x)
x **= 10
print(x)
y = 2
y <<= 4
print(y)
y >>= 2
print(y)
y |= 1
print(y)
y &= 3
print(y)
y ^= 7
print(y)
print(type(7 // 2).__name__, type(7 / 2).__name__, type(2 ** -1).__name__)
print(2 ** -1, 10 ** -2, 2 ** 0, 0 ** 0)
