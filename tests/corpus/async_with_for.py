# async with / async for: protocol errors and early exits, driven by a tiny loop
import types

@types.coroutine
def pause(tag):
    yield tag

def run(coro):
    try:
        while True:
            print("  loop:", coro.send(None))
    except StopIteration as e:
        return e.value

class ACM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    async def __aenter__(self):
        await pause("enter " + self.name)
        return self.name
    async def __aexit__(self, t, v, tb):
        await pause("exit " + self.name)
        print("aexit", self.name, t.__name__ if t else None, v)
        return self.suppress

async def early_exits():
    for i in range(3):
        async with ACM("loop%d" % i) as n:
            if i == 0:
                continue
            if i == 1:
                break
    async with ACM("a") as a, ACM("b") as b:
        print("both", a, b)
    async with ACM("s", True):
        raise ValueError("suppressed")
    async with ACM("r"):
        return "returned"
print(run(early_exits()))

class NoAexit:
    async def __aenter__(self):
        return 1
class SyncOnly:
    def __enter__(self):
        return 1
    def __exit__(self, *a):
        pass
class BadEnter:
    def __aenter__(self):
        return 1
    def __aexit__(self, *a):
        return 2
class BadExit:
    async def __aenter__(self):
        return 1
    def __aexit__(self, *a):
        return 2

async def errors():
    for cm in (NoAexit(), SyncOnly(), BadEnter(), BadExit(), 42):
        try:
            async with cm:
                print("body runs for", type(cm).__name__)
        except TypeError as e:
            print("TypeError:", e)

run(errors())

class Counter:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        await pause("next")
        self.i += 1
        if self.i > self.n:
            raise StopAsyncIteration
        return self.i

class NoAnext:
    def __aiter__(self):
        return 5
class BadAnext:
    def __aiter__(self):
        return self
    def __anext__(self):
        return 5
class RaisesInAnext:
    def __aiter__(self):
        return self
    async def __anext__(self):
        raise KeyError("from anext")

async def loops():
    async for i in Counter(5):
        if i == 2:
            continue
        if i == 4:
            break
        print("i", i)
    else:
        print("no else after break")
    async for i in Counter(1):
        print("once", i)
    else:
        print("else runs")
    for obj in (5, NoAnext(), BadAnext()):
        try:
            async for x in obj:
                pass
        except TypeError as e:
            print("TypeError:", e)
    try:
        async for x in RaisesInAnext():
            pass
    except KeyError as e:
        print("KeyError:", e)
    r = [i async for i in Counter(3) if i != 2]
    print(r)
    r = [(i, j) async for i in Counter(2) for j in range(2)]
    print(r)

run(loops())

async def nested_fail():
    async with ACM("outer"):
        async for i in Counter(2):
            raise IndexError("in loop")
run(nested_fail())
