# range with big-int bounds: len, indexing, membership, slicing, iteration, reversal.
r = range(10**20, 10**20 + 7, 3)
print(r, len(r), list(r), r[1], r[-1], 10**20+3 in r, 10**20+4 in r, r.index(10**20+6))
print(list(reversed(r)), r[::-1], r[1:])
for i in range(2**64 - 2, 2**64 + 1):
    print(i)
try:
    len(range(2**70))
except OverflowError as e:
    print(e)
print(range(True, 5), list(range(-2**65, -2**65 - 3, -1)))
print(range(10**20) == range(0, 10**20), range(3, 2**80, 2**80) == range(3, 4))
print(list(range(5))[::-1], list(reversed(range(1, 10, 3))))
