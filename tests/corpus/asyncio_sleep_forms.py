# sleep given to gather, create_task, wait_for and run instead of awaited at once,
# sleep's result argument, two sleeps made before either is awaited.
import asyncio


async def main():
    print(await asyncio.sleep(0.01, "result"))
    print(await asyncio.gather(asyncio.sleep(0.02, "b"), asyncio.sleep(0.01, "a"), asyncio.sleep(0)))
    t = asyncio.create_task(asyncio.sleep(0.01))
    print(t.done(), await t, t.done())
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.01)
    except asyncio.TimeoutError:
        print("sleep timed out")
    a = asyncio.sleep(0.02)
    b = asyncio.sleep(0.01)
    await b
    print("b")
    await a
    print("a")
    await asyncio.sleep(-1)
    print("negative")


asyncio.run(main())
print(asyncio.run(asyncio.sleep(0)))
