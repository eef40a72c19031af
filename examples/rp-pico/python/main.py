"""Raspberry Pi Pico: blink the on-board LED (GPIO 25); while the button on GPIO 15 (to
ground, pulled up) is held, blink fast. `Pin` and `sleep_ms` come from the native `board`
module (src/main.rs): embedded-hal pins and the RP2040 timer."""

from board import Pin, sleep_ms

led = Pin(25)
button = Pin(15)


def flash(times, ms):
    for _ in range(times):
        led.on()
        sleep_ms(ms)
        led.off()
        sleep_ms(ms)


flash(3, 100)  # alive
while True:
    pressed = not button.value()
    led.toggle()
    sleep_ms(100 if pressed else 500)
