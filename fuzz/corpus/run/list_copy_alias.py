# Aliasing, shallow copies and identity.
a = [1, [2, 3]]
b = a
c = a[:]
d = list(a)
print(a is b, a is c, a == c, a[1] is c[1], d == a, d is a)
a[0] = 10
a[1].append(4)
print(a, b, c, d)
e = a + []
e[1] = "new"
print(a, e)
m = [[1]] * 3
m[0].append(2)
print(m, m[0] is m[2])
x = [1, 2, 3]
y = x
y += [4]
print(x, x is y)
y = y + [5]
print(x, y, x is y)
t = ([1], 2)
t[0].append(9)
print(t)
