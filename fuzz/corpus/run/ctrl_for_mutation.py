# Loop variables, reassignment inside loops, and iterating a copy while mutating.
items = [1, 2, 3, 4, 5, 6]
for x in items[:]:
    if x % 2 == 0:
        items.remove(x)
print(items)
for i in range(3):
    i = i * 10
    print(i)
words = ["a", "bb", "ccc"]
out = []
for w in words:
    out.append(w * 2)
print(out)
acc = []
for i in range(3):
    acc.append(lambda i=i: i * 100)
print([f() for f in acc])
n = 0
for _ in "xyz":
    n += 1
print(n)
