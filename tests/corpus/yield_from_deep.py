# Deep `yield from` chains: SEND links every delegating frame in the one interpreter loop
# (no Rust recursion), so a chain is bounded by the recursion limit, like CPython's.
def deep(n):
    if n:
        r = yield from deep(n - 1)
        return r + 1
    x = yield "bottom"
    yield x
    return 0

g = deep(400)
print(next(g))
print(g.send("sent to the bottom"))
try:
    next(g)
except StopIteration as e:
    print("returned", e.value)

# throw and close travel down the chain and back up
g = deep(300)
next(g)
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("KeyError came back", e)
g = deep(300)
next(g)
g.close()
print("closed")

def catching(n):
    if n:
        try:
            yield from catching(n - 1)
        except ValueError:
            print("caught at", n)
            yield "recovered"
    else:
        yield "bottom"
g = catching(50)
next(g)
print(g.throw(ValueError))

# 10,000 levels: RecursionError, never a crash
g = deep(10000)
try:
    next(g)
except RecursionError as e:
    print("RecursionError")
def forever():
    yield from forever()
try:
    next(forever())
except RecursionError:
    print("RecursionError again")
print(list(deep(3)))
