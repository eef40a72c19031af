# gather: results in argument order, return_exceptions, the first exception propagating
# (the other children run on), gather of tasks, empty gather.
import asyncio


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    print("job", name, "finished")
    if fail:
        raise ValueError("job " + name + " failed")
    return name.upper()


async def main():
    print(await asyncio.gather(job("a", 0.03), job("b", 0.01), job("c", 0.02)))
    print(await asyncio.gather())
    r = await asyncio.gather(job("d", 0.02), job("e", 0.01, True), job("f", 0.03),
                             return_exceptions=True)
    print([type(x).__name__ + ":" + str(x) for x in r])
    try:
        await asyncio.gather(job("g", 0.01), job("h", 0.02, True), job("i", 0.04))
    except ValueError as e:
        print("propagated:", e)
    await asyncio.sleep(0.03)
    print("i had finished meanwhile")
    t1 = asyncio.create_task(job("t1", 0.01))
    t2 = asyncio.create_task(job("t2", 0.02))
    print(await asyncio.gather(t2, t1, t2))
    print(await asyncio.gather(t1, t2))


asyncio.run(main())
