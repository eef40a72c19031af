# sum, abs, round with various numeric types.
print(sum([]), sum([1, 2, 3]), sum([1.5, 2.5]), sum(range(10), 5), sum([[1], [2]], []))
print(sum([0.1] * 3), sum([1, 2.0]), sum((10 ** 20, 1)), sum([True, True]))
print(abs(-3), abs(3.5), abs(-0.0), abs(-10 ** 30), abs(True), abs(-float("inf")))
print(round(3.14159, 2), round(2.5), round(3.5), round(-2.5), round(7.0), round(0.5))
print(round(1234.5678, -2), round(-0.5), round(1.45, 1), round(1.55, 1))
print(type(round(1.5)).__name__, type(round(1.5, 1)).__name__, type(round(5, 2)).__name__)
