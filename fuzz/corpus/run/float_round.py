# round() on floats: banker's rounding and ndigits.
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999, 2.675, 1.005, 0.125, 0.375]:
    print(v, round(v), round(v, 1), round(v, 2))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, round(2.5, 0))
print(round(123.456, -1), round(123.456, -2), round(156.7, -2), round(-156.7, -2))
print(round(1e20), round(-3.7), round(3.2), round(1234.5678, 3))
print(round(0.1 + 0.2, 10), round(1 / 3, 5), round(2 / 3, 5))
print(round(5.5), round(6.5), round(-5.5), round(-6.5))
print(round(1e300, 2), round(0.0), round(-0.0, 1))
