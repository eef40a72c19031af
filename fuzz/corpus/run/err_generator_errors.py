# Errors thrown while iterating generators; the generator is finished afterwards.
def gen():
    yield 1
    yield 1 / 0
    yield 3
g = gen()
print(next(g))
try:
    next(g)
except ZeroDivisionError as e:
    print("caught", e)
print(next(g, "generator finished"))
def running():
    yield 1
    next(running_gen)
running_gen = running()
next(running_gen)
try:
    next(running_gen)
except ValueError as e:
    print("ValueError:", e)
