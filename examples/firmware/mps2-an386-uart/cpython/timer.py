"""CPython stand-in for the board's native `timer` module (see uart.py): a counter that
advances on every read."""

_count = 0


def ticks():
    global _count
    _count += 1000
    return _count
