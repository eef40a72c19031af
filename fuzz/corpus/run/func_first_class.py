# Functions as values: stored in containers, passed and returned.
def add(a, b):
    return a + b
def sub(a, b):
    return a - b
ops = {"+": add, "-": sub, "*": lambda a, b: a * b}
for sym in ops:
    print(sym, ops[sym](7, 3))
def apply_twice(f, x):
    return f(f(x))
print(apply_twice(lambda v: v * 3, 2), apply_twice(lambda s: s + "!", "hi"))
def make_adder(n):
    def adder(x):
        return x + n
    return adder
add5 = make_adder(5)
print(add5(1), make_adder(-1)(1), add5.__name__, callable(add5), callable(5))
pipeline = [lambda x: x + 1, lambda x: x * 2, str]
v = 3
for step in pipeline:
    v = step(v)
print(repr(v))
print(list(map(add, [1, 2], [10, 20])), add.__name__)
