"""Raspberry Pi Pico: blink the on-board LED (GPIO 25) from an asyncio task; while the button
on GPIO 15 (to ground, pulled up) is held, blink fast. Two tasks share one event loop: the
blinker and a button watcher that sets the blinker's period. `Pin` comes from the native
`board` module (src/main.rs, embedded-hal pins); the loop sleeps on the RP2040's 1 MHz timer,
which src/main.rs installs as the VM's clock."""

import asyncio

from board import Pin

led = Pin(25)
button = Pin(15)


class Blink:
    def __init__(self):
        self.period_ms = 500


async def blinker(state):
    for _ in range(6):  # alive: three quick flashes
        led.toggle()
        await asyncio.sleep_ms(100)
    while True:
        led.toggle()
        await asyncio.sleep_ms(state.period_ms)


async def watch_button(state):
    while True:
        state.period_ms = 500 if button.value() else 100
        await asyncio.sleep_ms(20)


async def main():
    state = Blink()
    asyncio.create_task(watch_button(state))
    await blinker(state)


asyncio.run(main())
