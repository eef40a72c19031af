# Closures capture variables, not values; cells are shared.
def make_pair():
    value = 0
    def get():
        return value
    def set_(v):
        nonlocal value
        value = v
    return get, set_
g, s = make_pair()
print(g())
s(42)
print(g())
s("changed")
print(g())
def make_funcs():
    fs = []
    for i in range(3):
        def f():
            return i
        fs.append(f)
    return fs
print([f() for f in make_funcs()])
def make_funcs_bound():
    fs = []
    for i in range(3):
        def make(j):
            return lambda: j
        fs.append(make(i))
    return fs
print([f() for f in make_funcs_bound()])
def outer():
    x = 1
    def read():
        return x
    x = 2
    return read
print(outer()())
