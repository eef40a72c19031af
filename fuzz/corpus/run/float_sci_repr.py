# When repr switches to scientific notation.
x = 1.0
for i in range(25):
    print(x, -x)
    x *= 10
x = 1.0
for i in range(12):
    x /= 10
    print(x)
print(1.5e-07, 1.5e-06, 1.5e-05, 1.5e-04, 0.00015, 0.0015)
print(1.234e16, 1.234e15, 9.999999999999999e15, 1e16 - 2, 1e16 + 2)
print(2.5e-5, 2.5e-4, 6.02e23, 6.626e-34, 1.602e-19)
print(12345678.9e10, 0.000123456789)
