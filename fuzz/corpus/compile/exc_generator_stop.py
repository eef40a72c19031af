# StopIteration from next() and inside for loops; next() default suppresses it.
it = iter([1])
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args, repr(e))
print(next(it, "default"), next(iter([]), None))
def gen():
    yield 1
g = gen()
for x in g:
    print(x)
try:
    next(g)
except StopIteration:
    print("exhausted generator raises StopIteration")
