# List comprehensions evaluate eagerly; generator expressions lazily.
log = []
def f(x):
    log.append(x)
    return x
lst = [f(i) for i in range(3)]
print(log)
log = []
gen = (f(i) for i in range(3))
print(log)
first = next(gen)
print(first, log)
rest = list(gen)
print(rest, log)
print(any(f(i) > 0 for i in range(10)), log)
