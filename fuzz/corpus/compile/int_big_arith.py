# Arbitrary precision integer arithmetic.
a = 123456789012345678901234567890
b = 987654321098765432109876543210
print(a + b)
print(a - b)
print(b - a)
print(a * b)
print(b // a, b % a)
print(-a * b)
print(a * a * a * a)
f = 1
for i in range(1, 41):
    f *= i
print(f)
print(f // (2 ** 30))
print(f % 1000000007)
m = 2 ** 64
print(m, m - 1, -m, m + 1)
print(m * m)
print((m * m) // (m - 1))
print(2 ** 63 - 1, -(2 ** 63))
print(2 ** 62 + 2 ** 62, 2 ** 63 + 2 ** 63)
x = 9223372036854775807
print(x + 1, x * 2, -x - 1, -x - 2)
print(len(str(2 ** 1000)), str(2 ** 1000)[:20], str(2 ** 1000)[-20:])
print(10 ** 50 - 1)
print(int("9" * 60) + 1)
print(a == 123456789012345678901234567890, a < b, -a > -b, a != b)
print(abs(-a), abs(a))
print((10 ** 40) / (10 ** 20))
n = 0
for i in range(100):
    n = n * 3 + i
print(n)
