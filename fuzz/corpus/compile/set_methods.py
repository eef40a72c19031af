# Named set methods equivalent to the operators.
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print({1, 2}.issubset(a), a.issuperset({4}), {7}.isdisjoint(a), {1}.isdisjoint(a))
print(a.union([9, 8], (7,)), len(a | b | {100}))
print(a.union([9, 8], (7,)), a.intersection(range(3)))
