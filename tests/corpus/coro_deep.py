# Await chains run in one interpreter loop: depth is bounded by the recursion limit
# (RecursionError), never by the native stack.
import types

@types.coroutine
def suspend():
    v = yield "suspended"
    return v

async def chain(n):
    if n == 0:
        return await suspend()
    return await chain(n - 1) + 1

def run(c, value):
    print(c.send(None))
    try:
        c.send(value)
    except StopIteration as e:
        return e.value

print(run(chain(500), 1000))

c = chain(300)
c.send(None)
try:
    c.throw(ValueError("down the chain"))
except ValueError as e:
    print("ValueError came back:", e)
c = chain(300)
c.send(None)
c.close()
print("closed")

async def forever(n):
    return await forever(n + 1)
try:
    forever(0).send(None)
except RecursionError:
    print("RecursionError")

c = chain(10000)
try:
    c.send(None)
except RecursionError:
    print("RecursionError at 10000")

class Awaitable:
    def __init__(self, depth):
        self.depth = depth
    def __await__(self):
        if self.depth:
            r = yield from Awaitable(self.depth - 1).__await__()
            return r + 1
        yield "bottom of __await__"
        return 0

async def use():
    return await Awaitable(200)
print(run(use(), None))
