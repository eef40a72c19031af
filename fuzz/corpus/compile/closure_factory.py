# Function factories and memoization via closures.
def memoize(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
for n in (20, 40, 60, 80, 90):
    print(n, fib(n))
print(len(fib.cache))
def power(exp):
    def p(base):
        return base ** exp
    return p
square, cube = power(2), power(3)
print(square(9), cube(3), [power(e)(2) for e in range(5)])
def multiplier_table(n):
    return [lambda x, k=k: x * k for k in range(1, n + 1)]
print([f(3) for f in multiplier_table(4)])
