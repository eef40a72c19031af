import board

LIMIT = 25.0


def on_alarm(temp):
    print("python: alarm callback, temp", temp)
    return temp > 30


def setup():
    board.on_alarm(on_alarm)
    print("python: callback registered")
    status = board.Pin(2)
    status.write(True)
    print("python: status pin", status.number(), "is", status.read())
    return status


def check():
    t = board.read_temp()
    board.led(t > LIMIT)
    return t


def scaled(values, factor=1.0):
    return [v * factor for v in values]


def strict(reading):
    if reading < 0:
        raise ValueError("negative reading: %d" % reading)
    return reading
