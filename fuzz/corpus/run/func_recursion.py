# Modest recursion depth: tree walking, permutations, gcd.
def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)
print(gcd(48, 18), gcd(17, 5), gcd(10 ** 20, 10 ** 15 + 5))
def perms(xs):
    if len(xs) <= 1:
        return [xs]
    out = []
    for i in range(len(xs)):
        for p in perms(xs[:i] + xs[i + 1:]):
            out.append([xs[i]] + p)
    return out
print(perms([1, 2, 3]))
def depth(tree):
    if not isinstance(tree, list):
        return 0
    return 1 + max([depth(t) for t in tree] + [0])
print(depth([1, [2, [3, [4]]], []]), depth(5), depth([]))
def flatten(x):
    if isinstance(x, (list, tuple)):
        r = []
        for y in x:
            r.extend(flatten(y))
        return r
    return [x]
print(flatten([1, (2, [3, (4,)]), [[5]]]))
def count_down(n):
    if n == 0:
        return [0]
    return [n] + count_down(n - 1)
print(count_down(40))
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(30), is_odd(7))
