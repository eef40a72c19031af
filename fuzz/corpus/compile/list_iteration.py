# Iterating lists with enumerate, zip, reversed; mutation while building.
fruits = ["apple", "banana", "cherry"]
for i, f in enumerate(fruits):
    print(i, f)
for i, f in enumerate(fruits, start=10):
    print(i, f)
for f, n in zip(fruits, [3, 1, 4, 1, 5]):
    print(f, n)
for f in reversed(fruits):
    print(f, end=",")
print()
total = 0
for x in [1, 2, 3, 4]:
    total += x
print(total)
grid = [[1, 2, 3], [4, 5, 6]]
for row in grid:
    for v in row:
        print(v, end=" ")
    print("|")
evens = []
for v in range(20):
    if v % 3 == 0:
        evens.append(v)
print(evens)
lst = [3, 1, 2]
it = iter(lst)
print(next(it), next(it), next(it), next(it, "done"))
