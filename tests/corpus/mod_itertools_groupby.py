from itertools import groupby

print([(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')])
print([k for k, g in groupby('AAAABBBCCD')])
print([(k, list(g)) for k, g in groupby([1, 3, 2, 4, 5, 7, 6], key=lambda x: x % 2)])
print([(k, list(g)) for k, g in groupby([])], [k for k, _ in groupby('a', None)])
groups = list(groupby('aabbc'))
print([(k, list(g)) for k, g in groups])
it = groupby('xxyyz')
k1, g1 = next(it)
print(k1, next(g1))
k2, g2 = next(it)
print(k2, list(g1), list(g2))
words = ['apple', 'avocado', 'banana', 'blueberry', 'cherry']
for letter, ws in groupby(words, key=lambda w: w[0]):
    print(letter, ', '.join(ws))
data = sorted([('b', 2), ('a', 1), ('b', 3), ('a', 4)])
print({k: [v for _, v in g] for k, g in groupby(data, key=lambda t: t[0])})
try:
    groupby(5)
except TypeError as e:
    print('TypeError', e)
