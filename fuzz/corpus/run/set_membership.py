# Membership tests with sets of mixed hashable types.
s = {1, "a", (1, 2), None, 2.5, b"b", frozenset([7])}
for probe in [1, 1.0, True, "a", "b", (1, 2), [1, 2][0], None, 2.5, b"b", frozenset([7]), 3]:
    print(repr(probe), probe in s)
print(len(s))
vowels = set("aeiou")
print([c for c in "education" if c in vowels])
print(sum(1 for c in "programming language" if c not in vowels))
