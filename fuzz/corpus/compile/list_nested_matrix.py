# Nested lists as matrices: transpose, multiply, flatten.
a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
t = [[row[i] for row in a] for i in range(len(a[0]))]
print(t)
prod = [[sum(a[i][k] * b[k][j] for k in range(3)) for j in range(2)] for i in range(2)]
print(prod)
flat = [x for row in a for x in row]
print(flat)
print(list(zip(*a)))
ident = [[1 if i == j else 0 for j in range(4)] for i in range(4)]
for row in ident:
    print(row)
print(max(max(r) for r in b), min(map(min, b)), sum(map(sum, b)))
