# Traceback through a lambda and a higher-order function.
def apply_all(fn, xs):
    out = []
    for x in xs:
        out.append(fn(x))
    return out
print(apply_all(lambda v: 10 // v, [1, 2, 5]))
print(apply_all(lambda v: 10 // v, [3, 0]))
