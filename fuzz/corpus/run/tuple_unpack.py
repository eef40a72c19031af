# Tuple unpacking: simple, nested, starred, swapping.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(x, y), z = (10, 20), 30
print(x, y, z)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
head, *mid, tail = range(6)
print(head, mid, tail)
p, *q = [9]
print(p, q)
m, *n, o = 1, 2
print(m, n, o)
[i, j], k = "xy", "z"
print(i, j, k)
for idx, (ch, num) in enumerate(zip("ab", [1, 2])):
    print(idx, ch, num)
for a, *b in [(1, 2, 3), (4,), (5, 6)]:
    print(a, b)
((a, b), (c, d)) = ((1, 2), (3, 4))
print(a, b, c, d)
a, (b, *c), d = 1, [2, 3, 4], 5
print(a, b, c, d)
x = y = z = 0
print(x, y, z)
t = 1, 2, 3
u, v, w = t
print(u + v + w)
d = {"k1": 1, "k2": 2}
for key, val in d.items():
    print(key, val)
k1, k2 = d
print(k1, k2)
l = [0, 0, 0]
l[0], l[2] = "L", "R"
print(l)
