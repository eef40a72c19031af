# Left and right shifts, including negatives and big values.
for n in [0, 1, 5, 255, -1, -5, -256]:
    print(n, n << 1, n << 10, n >> 1, n >> 3, n >> 100)
print(1 << 64, 1 << 100, (1 << 100) >> 99)
print(-1 << 70, (-1 << 70) >> 69)
print(12345678901234567890 >> 13, 12345678901234567890 << 13)
print(-12345678901234567890 >> 13)
print(-7 >> 1, -8 >> 1, -9 >> 1)
print(0 >> 5, 0 << 5)
x = 3
x <<= 65
print(x)
x >>= 64
print(x)
print([1 << i for i in range(0, 70, 7)])
