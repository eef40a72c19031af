# Multi-level comprehensions equivalent to nested loops.
words = ["ab", "cde"]
print([(w, c) for w in words for c in w])
print([[c * 2 for c in w] for w in words])
triples = [(a, b, c) for c in range(1, 21) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c]
print(triples)
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for i, row in enumerate(matrix)])
print([[row[i] for row in matrix] for i in range(3)])
print({k: [v for v in range(k)] for k in range(4)})
print(sum(sum(x for x in row if x % 2) for row in matrix))
