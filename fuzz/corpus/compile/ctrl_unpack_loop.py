# Unpacking in for targets and assignment, with starred forms.
data = [(1, ("a", "b")), (2, ("c", "d"))]
for n, (x, y) in data:
    print(n, x, y)
for first, *others in ["abc", "de", "f"]:
    print(first, others)
matrix = [[1, 2, 3], [4, 5, 6]]
for a, b, c in matrix:
    print(a + b + c)
(a, b), [c, d] = "xy", (1, 2)
print(a, b, c, d)
*a, = range(3)
print(a)
a, *b, c, d = range(10)
print(a, b, c, d)
obj = {"k": [1, 2]}
obj["k"][0], obj["k"][1] = obj["k"][1], obj["k"][0]
print(obj)
i = 0
lst = [10, 20]
i, lst[i] = 1, 99
print(i, lst)
