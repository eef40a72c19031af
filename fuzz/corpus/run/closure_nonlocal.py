# nonlocal rebinding in nested functions.
def counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c1 = counter()
c2 = counter()
print(c1(), c1(), c1(10), c2(), c1())
def outer():
    x = "outer"
    def middle():
        nonlocal x
        x = "middle"
        def inner():
            nonlocal x
            x = "inner"
        inner()
        return x
    r = middle()
    return r, x
print(outer())
def accumulate():
    total = 0
    items = []
    def add(v):
        nonlocal total
        total += v
        items.append(v)
        return total, len(items)
    return add
acc = accumulate()
print(acc(5), acc(7), acc(-2))
