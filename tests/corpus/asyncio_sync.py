# Lock with async with, Event, Queue producer/consumer (QueueEmpty, QueueFull).
import asyncio


async def locked_worker(lock, name, log):
    async with lock:
        log.append(name + " in")
        await asyncio.sleep(0.01)
        log.append(name + " out")


async def waiter(ev, name):
    print(name, "waiting")
    await ev.wait()
    print(name, "saw the event")


async def producer(q, n):
    for i in range(n):
        await q.put(i)
        print("put", i, "qsize", q.qsize())
    await q.put(None)


async def consumer(q):
    total = 0
    while True:
        item = await q.get()
        if item is None:
            break
        print("got", item)
        total += item
        await asyncio.sleep(0.005)
    return total


async def main():
    lock = asyncio.Lock()
    log = []
    await asyncio.gather(*(locked_worker(lock, n, log) for n in "abc"))
    print(log, lock.locked())

    ev = asyncio.Event()
    ts = [asyncio.create_task(waiter(ev, n)) for n in ("e1", "e2")]
    await asyncio.sleep(0.01)
    print("setting", ev.is_set())
    ev.set()
    await asyncio.gather(*ts)
    print(ev.is_set(), await ev.wait())
    ev.clear()
    print(ev.is_set())

    q = asyncio.Queue(2)
    print(q.empty(), q.full(), q.maxsize)
    p = asyncio.create_task(producer(q, 5))
    print("total", await consumer(q))
    await p

    q = asyncio.Queue(1)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    q.put_nowait("x")
    try:
        q.put_nowait("y")
    except asyncio.QueueFull:
        print("QueueFull", q.full(), q.qsize())
    print(q.get_nowait(), q.empty())


asyncio.run(main())
