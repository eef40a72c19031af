# range objects: iteration, indexing, len, membership, slicing, repr.
r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[2], 8 in r, 9 in r)
print(range(5), range(0), list(range(0)), list(range(5, 0, -1)), list(range(-3, 3)))
print(list(range(10, 0, -4)), len(range(10, 0, -4)), len(range(0, 10, -1)))
print(r[1:4], list(r[1:4]), r[::-1], list(r[::-1]))
print(range(3) == range(0, 3), range(0) == range(5, 5), list(range(1, 2, 5)))
print(sum(range(101)), max(range(7)), min(range(3, 9)))
print(range(10 ** 20)[-1], 10 ** 19 in range(10 ** 20))
print(r.start, r.stop, r.step)
total = 0
for i in range(0, 100, 7):
    total += i
print(total)
print(list(reversed(range(4))), list(enumerate(range(3, 6))))
