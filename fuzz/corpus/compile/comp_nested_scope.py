# Comprehension scoping: own scope, closures over enclosing function variables.
def scale(xs, k):
    return [x * k for x in xs]
print(scale([1, 2, 3], 10))
def table(n):
    return [[i * j for j in range(n)] for i in range(n)]
print(table(3))
class Holder:
    items = [1, 2, 3]
    doubled = [v * 2 for v in items]
print(Holder.doubled)
def outer():
    base = 100
    return {k: base + k for k in range(3)}
print(outer())
i = "unchanged"
_ = [i for i in range(5)]
print(i)
fs = [lambda: n for n in range(3)]
print([f() for f in fs])
