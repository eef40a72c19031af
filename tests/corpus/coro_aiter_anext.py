import types

async def agen(n):
    for i in range(n):
        yield i

class Counter:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i * 10

@types.coroutine
def suspend():
    yield "tick"

class Slow:
    def __aiter__(self):
        return self
    async def __anext__(self):
        await suspend()
        raise StopAsyncIteration

def run(coro):
    ticks = 0
    try:
        while True:
            coro.send(None)
            ticks += 1
    except StopIteration as e:
        return e.value, ticks

async def main():
    g = agen(3)
    it = aiter(g)
    print(it is g)
    print(await anext(it), await anext(it), await anext(it))
    try:
        await anext(it)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    print(await anext(it, "default"))
    c = Counter(2)
    print(aiter(c) is c)
    print(await anext(c), await anext(c, None), await anext(c, "end"))
    print(await anext(Slow(), 42))
    aw = anext(agen(1), 0)
    print(type(aw).__name__)
    print(await aw)
    async for x in aiter(agen(2)):
        print("for", x)
    return "done"

print(run(main()))

for bad in (1, [1], "s"):
    try:
        aiter(bad)
    except TypeError as e:
        print(e)
    try:
        anext(bad)
    except TypeError as e:
        print(e)

class BadAiter:
    def __aiter__(self):
        return 5
try:
    aiter(BadAiter())
except TypeError as e:
    print(e)
try:
    aiter()
except TypeError as e:
    print("noargs", type(e).__name__)
try:
    anext(agen(1), 1, 2)
except TypeError as e:
    print("toomany", type(e).__name__)

async def thrower():
    g = agen(5)
    aw = anext(g, "d")
    try:
        aw.throw(ValueError("boom"))
    except ValueError as e:
        print("thrown", e)
run(thrower())
