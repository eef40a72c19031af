# Union, intersection, difference, symmetric difference, subset tests.
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print({1, 2} <= a, {1, 2} < a, a <= a, a < a, a >= {1}, a > a)
c = set(a)
c |= {10}
print(sorted(c))
c &= {1, 2, 10, 11}
print(sorted(c))
c -= {2}
print(sorted(c))
c ^= {1, 5}
print(sorted(c))
s1 = {"x", "y", "z"}
s2 = {"y", "z", "w"}
print(sorted(s1 | s2), sorted(s1 & s2), sorted(s1 - s2), sorted(s1 ^ s2))
