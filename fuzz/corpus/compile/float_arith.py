# Float arithmetic and mixed int/float operations.
a = 7.5
b = 2.0
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(-a // b, -a % b, a // -b, a % -b)
print(7 // 2.0, 7 % 2.5, -7 % 2.5, 7.0 // -2)
print(1 + 2.0, 3 * 0.5, 10 - 0.25, 2 ** 0.5)
print(0.1 * 3, 0.7 + 0.1, 1.1 * 1.1, 1 - 0.9)
print(1e308 * 10, -1e308 * 10)
print(2.0 ** 10, 2.0 ** -1, 10.0 ** 20, 10.0 ** -3)
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7.5, -2))
x = 1.0
for i in range(10):
    x = x * 1.5 - 0.25
print(x)
s = 0.0
for i in range(10):
    s += 0.1
print(s, s == 1.0)
print(abs(-2.5), abs(2.5), -(-0.5))
print(3.0 == 3, 3.5 > 3, 2.9999 < 3)
print(1 / 7, 22 / 7, 355 / 113)
print(4.0 / 2, 9 ** 0.5, 8 ** (1 / 3))
