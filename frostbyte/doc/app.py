import board


def add(a, b):
    return a + b


def greet(name, punct="!"):
    return "hello " + name + punct


def blink(times):
    for _ in range(times):
        board.led(True)
        board.led(False)
    return board.count()


def check(reading):
    if reading < 0:
        raise ValueError("negative reading")
    return reading
