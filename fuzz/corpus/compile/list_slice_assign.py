# Slice assignment and deletion.
l = list(range(10))
l[2:5] = ["a", "b"]
print(l)
l[:0] = [-2, -1]
print(l)
l[len(l):] = [100]
print(l)
l[1:3] = []
print(l)
l[::2] = "XXXXX"
print(l)
l[-2:] = range(3)
print(l)
del l[0]
print(l)
del l[-1]
print(l)
del l[::3]
print(l)
del l[1:3]
print(l)
del l[:]
print(l)
m = [1, 2, 3, 4, 5, 6]
m[1::2] = [20, 40, 60]
print(m)
m[::-1] = m[:]
print(m)
m[3:1] = ["inserted"]
print(m)
n = [0, 1, 2]
n[1:2] = n
print(n)
