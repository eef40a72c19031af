"""Python drives the board's peripherals through native modules: every line below reaches the
serial console through the CMSDK UART's data register (`uart.write`), not semihosting, and the
hardware timer (`timer.ticks`) measures a loop."""

import timer
import uart


def say(line):
    return uart.write(line + "\n")


def crc8(data):
    crc = 0
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = ((crc << 1) ^ 0x07) & 0xFF if crc & 0x80 else (crc << 1) & 0xFF
    return crc


say("hello from Python over the UART")
n = say("uart.write returns the bytes it sent")
say("that line was " + str(n) + " bytes")
uart.write(b"bytes go out unchanged\n")

frame = bytes(range(16))
say("crc8 of 0..15: 0x%02x" % crc8(frame))

t0 = timer.ticks()
total = 0
for i in range(2000):
    total += i * i
t1 = timer.ticks()
say("sum of squares below 2000: %d" % total)
say("the timer advanced during the loop: %s" % (t1 > t0))
say("elapsed ticks are an int: %s" % (type(t1 - t0) is int))

try:
    uart.write(3.5)
except TypeError as e:
    say("TypeError: " + str(e))

say("bytes sent so far: %d" % uart.sent())

# The `time` module over the board's hardware timer (the host's clock under CPython): only
# timing-independent facts are printed, so the output is the same everywhere.
import time

t0 = time.monotonic_ns()
time.sleep(0.01)
say("sleep(0.01) advanced monotonic_ns() by >= 10 ms: %s" % (time.monotonic_ns() - t0 >= 10_000_000))
if hasattr(time, "ticks_ms"):
    # MicroPython's tick arithmetic (CPython has none).
    a = time.ticks_ms()
    time.sleep_ms(10)
    b = time.ticks_ms()
    ok = time.ticks_diff(b, a) >= 10 and time.ticks_diff(time.ticks_us(), time.ticks_us()) <= 0
else:
    ok = True
say("sleep_ms(10) advanced ticks_ms() by >= 10: %s" % ok)
say("gmtime(10**9)[:6]: %s" % (time.gmtime(10**9)[:6],))
