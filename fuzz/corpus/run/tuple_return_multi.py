# Functions returning tuples; using tuples as records and dict keys.
def minmax(xs):
    return min(xs), max(xs)
lo, hi = minmax([5, 3, 9, 1])
print(lo, hi, minmax("hello"))
def stats(xs):
    n = len(xs)
    total = sum(xs)
    return n, total, total / n
print(stats([1, 2, 3, 4]))
grid = {}
for r in range(3):
    for c in range(3):
        grid[(r, c)] = r * 3 + c
print(grid[(1, 2)], grid[2, 0], (1, 1) in grid, (5, 5) in grid)
print(sorted(grid)[:4])
def divide(a, b):
    return divmod(a, b)
q, r = divide(17, 5)
print(q, r)
