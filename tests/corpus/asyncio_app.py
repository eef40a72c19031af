# An asyncio application: three tasks sharing one loop.
# - blinker: toggles an LED every 80 ms;
# - poller: reads a sensor every 220 ms and keeps a running average;
# - parser: executes command lines arriving from a (simulated) UART task through a Queue.
# Every task's deadlines are offsets from one start time (no drift), and every event is at
# least 20 ms from any other, so the output is the same on CPython, on the host VM and on a
# board (examples/firmware/mps2-an386-asyncio runs this file), where a step of the loop can
# take milliseconds.
import asyncio


class Led:
    def __init__(self):
        self.on = False
        self.toggles = 0

    def toggle(self):
        self.on = not self.on
        self.toggles += 1


class Sensor:
    # A deterministic "temperature" in tenths of a degree.
    def __init__(self):
        self.x = 7

    def read(self):
        self.x = (self.x * 1103 + 12345) % 1000
        return 200 + self.x % 50


async def until(t):
    # Sleep until `t` seconds on the loop's clock.
    await asyncio.sleep(max(0, t - asyncio.get_running_loop().time()))


async def blinker(led, stop, t):
    while not stop.is_set():
        led.toggle()
        t += 0.08
        await until(t)
    print("blinker: stopped after", led.toggles, "toggles")


async def poller(sensor, readings, stop, t):
    while not stop.is_set():
        readings.append(sensor.read())
        t += 0.22
        await until(t)
    print("poller: stopped after", len(readings), "readings")


async def uart(q, lines, t0):
    # Lines arrive at the given times (ms from the start).
    for at, line in lines:
        await until(t0 + at / 1000)
        await q.put(line)
    await q.put(None)


async def parser(q, led, readings, stop):
    lock = asyncio.Lock()
    while True:
        line = await q.get()
        if line is None:
            break
        cmd, *args = line.split()
        async with lock:
            if cmd == "led":
                print("led:", "on" if led.on else "off", "toggles", led.toggles)
            elif cmd == "avg":
                print("avg: %.1f over %d" % (sum(readings) / len(readings) / 10, len(readings)))
            elif cmd == "last":
                n = int(args[0])
                print("last:", readings[-n:])
            elif cmd == "slow":
                try:
                    await asyncio.wait_for(asyncio.sleep(1), float(args[0]) / 1000)
                except asyncio.TimeoutError:
                    print("slow: timed out after", args[0], "ms")
            elif cmd == "stop":
                stop.set()
                print("stop: requested")
            else:
                print("unknown command:", line)
    return "parser: done"


async def main():
    led, sensor, readings = Led(), Sensor(), []
    stop = asyncio.Event()
    q = asyncio.Queue(2)
    start = asyncio.get_running_loop().time()
    lines = [(120, "led"), (280, "avg"), (360, "last 2"), (500, "slow 40"), (600, "bogus"),
             (680, "led"), (840, "avg"), (930, "stop")]
    tasks = [
        asyncio.create_task(blinker(led, stop, start)),
        asyncio.create_task(poller(sensor, readings, stop, start)),
        asyncio.create_task(uart(q, lines, start)),
    ]
    print(await parser(q, led, readings, stop))
    await asyncio.gather(*tasks)
    print("readings:", readings)


asyncio.run(main())
