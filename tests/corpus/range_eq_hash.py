# Ranges compare as the sequences they describe and hash as CPython's (len, start, step)
# key, so equal ranges are one dict key / set element.

pairs = [
    (range(0), range(5, 5)),
    (range(0), range(3, 1)),
    (range(0, 3, 2), range(0, 4, 2)),
    (range(7, 8), range(7, 9, 5)),
    (range(7, 8), range(7, 6, -1)),
    (range(1, 10, 3), range(1, 11, 3)),
    (range(1, 10, 3), range(1, 8, 3)),
    (range(10, 0, -2), range(10, -1, -2)),
    (range(3), range(0, 3, 1)),
    (range(3), range(1, 4)),
    (range(2), range(0, 2, 3)),
]
for a, b in pairs:
    print(a, b, a == b, a != b, hash(a) == hash(b))

print(hash(range(3)) == hash((3, 0, 1)))
print(hash(range(0)) == hash((0, None, None)))
print(hash(range(4, 5)) == hash((1, 4, None)))
print(hash(range(4, 20, 5)) == hash((4, 4, 5)))
print(hash(range(3)), hash(range(1, 10, 3)), hash(range(-5, 5, 2)), hash(range(10, 0, -3)))

d = {range(0): "empty", range(0, 3, 2): "two"}
print(d[range(9, 9)], d[range(0, 4, 2)], len(d))
s = {range(0), range(5, 5), range(3, 1), range(1), range(1, 2), range(0, 1, 7)}
print(len(s))
print(range(3) in [range(0, 3)], [range(0, 5, 5)].index(range(1)))

# Only == and != are defined; ordering raises, comparing with a list is False.
print(range(3) == [0, 1, 2], range(3) != (0, 1, 2))
ops = [lambda a, b: a < b, lambda a, b: a <= b, lambda a, b: a > b, lambda a, b: a >= b]
for op in ops:
    try:
        op(range(1), range(2))
    except TypeError as e:
        print(e)
