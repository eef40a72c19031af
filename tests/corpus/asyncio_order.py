# Task ordering: FIFO at equal deadlines, sleep(0) yields once, deadlines order wake-ups.
import asyncio


async def spin(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)
    return name


async def sleeper(name, delay):
    print("start", name)
    await asyncio.sleep(delay)
    print("wake", name)
    return delay


async def main():
    t1 = asyncio.create_task(spin("a", 3))
    t2 = asyncio.create_task(spin("b", 2))
    print("created")
    await asyncio.sleep(0)
    print("main after sleep(0)")
    print(await t1, await t2)
    ts = [asyncio.create_task(sleeper(n, d)) for n, d in
          [("x", 0.03), ("y", 0.01), ("z", 0.02), ("w", 0.01), ("v", 0.02)]]
    for t in ts:
        print(t.done(), end=" ")
    print()
    r = [await t for t in ts]
    print(r, [t.done() for t in ts])
    print(await spin("c", 1))
    return "main done"


print(asyncio.run(main()))
print(asyncio.run(spin("again", 2)))
