# How many passes of the loop each wake-up takes, seen by a ticker task that prints on
# every pass: gather, wait_for, Event, Lock, Queue, awaiting a task, cancellation.
import asyncio

stop = False


async def ticker():
    i = 0
    while not stop:
        print("  tick", i)
        i += 1
        await asyncio.sleep(0)


async def quick(x):
    print("  quick", x)
    return x


async def waits(ev):
    await ev.wait()
    print("  event seen")


async def main():
    global stop
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    print("gather")
    print(await asyncio.gather(quick(1), quick(2)))
    print("wait_for")
    print(await asyncio.wait_for(quick(3), 1))
    print("task")
    print(await asyncio.create_task(quick(4)))
    print("event")
    ev = asyncio.Event()
    w = asyncio.create_task(waits(ev))
    await asyncio.sleep(0)
    ev.set()
    await w
    print("lock")
    lock = asyncio.Lock()
    async with lock:
        await asyncio.sleep(0)
    print("queue")
    q = asyncio.Queue()
    g = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    q.put_nowait(5)
    print(await g)
    print("cancel")
    c = asyncio.create_task(asyncio.sleep(1))
    await asyncio.sleep(0)
    c.cancel()
    try:
        await c
    except asyncio.CancelledError:
        print("cancelled")
    print("self-cancel")

    async def selfcancel():
        asyncio.current_task().cancel()
        try:
            await asyncio.sleep(0)
        except asyncio.CancelledError:
            print("  cancelled myself")
        return "went on"

    print(await asyncio.create_task(selfcancel()))
    print("cancel gather")
    gt = asyncio.gather(asyncio.sleep(1), quick(6))
    await asyncio.sleep(0)
    print(gt.cancel())
    try:
        await gt
    except asyncio.CancelledError:
        print("gather cancelled")
    print("two waiters")
    b = asyncio.create_task(quick(7))

    async def waiter(n):
        await b
        print("  waiter", n)

    await asyncio.gather(waiter(1), waiter(2))
    stop = True
    await t


asyncio.run(main())
