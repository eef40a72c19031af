# Hashes of ints and tuples of ints are deterministic.
print(hash(0), hash(1), hash(-1), hash(-2), hash(12345))
print(hash(True), hash(False))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)))
print(hash(10 ** 30) == hash(10 ** 30), hash(1.0) == hash(1), hash(2.0) == 2)
print(hash((1, 2)) == hash((1, 2)), hash((1, 2)) == hash((2, 1)))
print(hash(()) == hash(()))
t = (1, (2, 3))
d = {t: "nested"}
print(d[(1, (2, 3))])
print(hash(-1) == hash(-2))
