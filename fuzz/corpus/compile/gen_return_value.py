# A generator's return value becomes StopIteration.value.
def g():
    yield 1
    return "result"
it = g()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)
def h():
    return 5
    yield
try:
    next(h())
except StopIteration as e:
    print(repr(e.value))
def plain():
    yield 1
it = plain()
next(it)
try:
    next(it)
except StopIteration as e:
    print(e.value, e.args, repr(e))
