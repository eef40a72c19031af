# Negative indexing and assignment via negative indices.
l = ["a", "b", "c", "d"]
for i in range(-4, 4):
    print(i, l[i])
l[-1] = "D"
l[-4] = "A"
print(l)
print(l.pop(-2), l)
del l[-1]
print(l)
m = [10, 20, 30]
m[-2] *= 3
print(m)
