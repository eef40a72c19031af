# A hardware timer interrupt wakes an asyncio task through a ThreadSafeFlag
# (examples/firmware/mps2-an386-irq). The native `irq` module (src/main.rs) runs the CMSDK
# APB timer 0: its interrupt handler only acknowledges the timer and raises a Rust `Signal`
# (no heap, no VM). At the VM's next safe point the callback given to `irq.start` runs and
# sets the flag, and the task waiting on it resumes. Between two interrupts no task is
# ready, so the loop idles in WFI. The output counts wakes, never times, so it is the same on
# every run; `irq.mark` records latencies for the firmware's [footprint] report.
import asyncio
import irq

WAKES = 8


async def waiter(flag):
    n = 0
    while n < WAKES:
        await flag.wait()
        irq.mark(1)
        n += 1
        print("wake", n)
    return n


async def main():
    flag = asyncio.ThreadSafeFlag()

    def on_timer():
        irq.mark(0)
        flag.set()

    for bad in [(0, on_timer), (10000, 5)]:
        try:
            irq.start(*bad)
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)
    irq.start(10000, on_timer)  # every 10 ms
    try:
        n = await waiter(flag)
    finally:
        interrupts = irq.stop()
    print("woken", n, "times; at least as many interrupts:", interrupts >= n)
    # Stopped: no interrupt sets the flag any more (clear a set that came after the last
    # wake), so a wait times out.
    flag.clear()
    try:
        await asyncio.wait_for(flag.wait(), 0.05)
    except asyncio.TimeoutError:
        print("no wake after stop")


asyncio.run(main())
