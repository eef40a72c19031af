"""CPython stand-in for the board's native `uart` module (expected_output.txt is main.py's
output under CPython with these stand-ins: `PYTHONPATH=cpython python3 python/main.py`)."""

import sys

_sent = 0


def write(data):
    global _sent
    if isinstance(data, str):
        data = data.encode()
    elif not isinstance(data, bytes):
        raise TypeError("write() argument must be str or bytes, not %s" % type(data).__name__)
    sys.stdout.buffer.write(data)
    _sent += len(data)
    return len(data)


def sent():
    return _sent
