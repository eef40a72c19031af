# List construction, indexing, concatenation and comparison.
a = [1, 2, 3]
b = ["x", 4.5, None, True, [1, 2]]
print(a, b, len(a), len(b), len([]))
print(a[0], a[-1], b[4][1], b[-1][-1])
print(a + [4], a * 2, [0] * 5, [] * 3, 2 * [None])
print(a == [1, 2, 3], a != [1, 2], a < [1, 2, 4], [1, 2] < [1, 2, 0], [] < [0])
print(3 in a, 5 in a, [1, 2] in b, 5 not in a)
print(list(), list("ab"), list(range(4)), list((1, 2)), list({"k": 1}))
a[1] = 20
print(a)
a[-1] += 100
print(a)
c = a
c.append(99)
print(a, c is a, a[:] is a, a[:] == a)
n = [[0] * 3 for _ in range(3)]
n[1][1] = 5
print(n)
alias = [[0] * 2] * 2
alias[0][0] = 7
print(alias)
print([1, [2, [3, [4]]]], [[]], [()], [{}])
print(bool([]), bool([0]), len([[]]))
