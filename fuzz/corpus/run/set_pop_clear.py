# pop/clear on sets of ints; iteration of a small-int set is ordered by value.
s = {5, 1, 3}
total = 0
while s:
    total += s.pop()
print(total, s)
t = {1, 2, 3}
t.clear()
print(t, len(t))
u = {0, 1, 2, 3, 4, 5}
for x in u:
    print(x, end=" ")
print()
print(list({4, 2, 0}), sorted({10, -10, 0}))
v = set(range(3))
w = v
w.add(99)
print(v, v is w)
