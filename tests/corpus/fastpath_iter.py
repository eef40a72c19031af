# ForIter fast paths over range, list and tuple iterators, under mutation.
l = [1, 2, 3]
seen = []
for x in l:
    seen.append(x)
    if x < 6:
        l.append(x + 3)
print(seen, l)

l = [1, 2, 3, 4, 5, 6]
seen = []
for x in l:
    seen.append(x)
    l.remove(x)
print(seen, l)

l = [1, 2, 3, 4]
seen = []
for x in l:
    seen.append(x)
    if x == 2:
        l.clear()
print(seen, l)

l = [0, 1, 2]
for i, x in enumerate(l):
    l[i] = x * 10
print(l)

# An exhausted list iterator stays exhausted (CPython drops its list).
l = [1, 2]
it = iter(l)
print(list(it))
l.append(3)
print(list(it), next(it, "done"))
it = iter(l)
print(next(it), next(it), next(it), next(it, "done"))
l.append(4)
print(next(it, "still done"))

t = (1, "a", None, 2.5)
for v in t:
    print(repr(v), end=" ")
print()
it = iter(())
print(next(it, "empty"))

# Lists of subclasses and list subclasses.
class L(list):
    def __iter__(self):
        return iter([9, 8])
print([x for x in L([1, 2, 3])])
class L2(list):
    def __getitem__(self, i):
        return "never used by the list iterator"
print([x for x in L2([1, 2, 3])])

# Ranges: huge bounds, negative steps, empty ranges, big-int bounds.
print(sum(range(10**6, 10**6 + 5)), list(range(5, -6, -3)), list(range(3, 3)), list(range(0, 10, 4)))
for i in range(2**62 - 2, 2**62 + 2):
    print(i, end=" ")
print()
for i in range(2**30 - 2, 2**30 + 2):
    print(i, end=" ")
print()
for i in range(-2**63 + 1, -2**63 - 3, -1):
    print(i, end=" ")
print()
r = range(0, 10**20, 10**19)
print(len(r), r[3], [x for x in r][-1])
n = 0
for i in range(10**18, 10**18 + 3):
    n += i
print(n)
try:
    for i in range(1.5):
        pass
except TypeError as e:
    print("TypeError", e)

# Nested loops and break/else.
total = 0
for i in range(5):
    for j in [1, 2, 3]:
        if j == i:
            break
        total += i * j
    else:
        total += 1000
print(total)

def g():
    for x in [1, 2, 3]:
        yield x * 2
print(list(g()), sum(x for x in (1, 2, 3)))
