# Chained comparisons evaluate each operand at most once.
def v(x):
    print("v", x)
    return x
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 < 2, 1 != 2 != 1)
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
print(v(1) == v(1) == v(2) == v(3))
x = 5
print(0 <= x < 10, 0 <= x < 5, x in [5] in [[5]], 1 < x > 2)
print("a" < "b" <= "b" < "c", [1] < [2] < [3])
print(None is None is None, None is not None)
a = [1]
b = a
print(a is b is a, a is not [1], a == [1] != [2])
