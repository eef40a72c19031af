FACTOR = 2
_count = [0]


def twice(x):
    return x * FACTOR


def counter():
    _count[0] += 1
    return _count[0]
