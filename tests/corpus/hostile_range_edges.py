# Ranges near the small-int edge: len() past it is a big int (it wrapped to a negative
# number), reversed() of a range with the smallest step.
print(len(range(2**62)))
r = range(2**62 + 5)
print(r.index(2**62 + 1), r.count(2**62+4))
print(list(enumerate(range(2**62 - 1, 2**62 + 2), 2**62 - 2)))
print([i for i in range(2**62 - 2, 2**62 + 2)])
print(sum(1 for _ in range(2**62-1, 2**62+1)))
print(list(reversed(range(2**62 - 1, -2**62, -2**62))))
print(list(reversed(range(-2**62, 2**62 - 1, 2**62 - 1))))
print(len(range(-2**62, 2**62, 2)), len(range(0, -2**63 + 1, -1)))
x = range(-2**62, 2**62 - 1, 3)
print(x[-1], x[len(x) // 2], len(x))
