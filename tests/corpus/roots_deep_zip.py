# Native code holding many temporary values at once: nested zip/map/enumerate iterators
# drained by list(), sorted() with key functions that recurse, each level keeping its own
# values alive across the next.
m = [1]
for i in range(100):
    m = zip(m)
r = list(m)
print(len(str(r)), str(r)[:12])


def k(x, d=0):
    if d < 19:
        return sorted([x + 1, x, x - 1], key=lambda y: k(y, d + 1) if y == x else y)[0]
    return -x


print(k(5))
print([min(range(3), key=lambda j: max(range(i + 1), key=lambda q: -q) + j) for i in range(30)][-1])
e = [7]
for i in range(80):
    e = enumerate(e, i)
print(len(str(list(e))))
