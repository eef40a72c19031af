# Generator expressions are lazy and single-use.
g = (x * 2 for x in range(5))
print(type(g).__name__)
print(next(g), next(g))
print(list(g))
print(list(g))
def noisy(n):
    for i in range(n):
        print("produce", i)
        yield i
lazy = (v + 100 for v in noisy(3))
print("built")
for v in lazy:
    print("got", v)
print(sum(x for x in range(101) if x % 2))
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
print(tuple(c.upper() for c in "abc"), sorted(-x for x in [3, 1, 2]))
print(min((len(w), w) for w in ["pear", "fig", "banana"]))
