"""A fixed-size ring buffer and summary statistics."""

class Ring:
    def __init__(self, size):
        self.buf = [None] * size
        self.head = 0
        self.count = 0

    def push(self, x):
        self.buf[self.head] = x
        self.head = (self.head + 1) % len(self.buf)
        self.count = min(self.count + 1, len(self.buf))

    def items(self):
        start = (self.head - self.count) % len(self.buf)
        return [self.buf[(start + i) % len(self.buf)] for i in range(self.count)]

    def __len__(self):
        return self.count

    def clear(self):
        self.head = self.count = 0

    def last(self):
        return self.buf[(self.head - 1) % len(self.buf)] if self.count else None

def mean(xs):
    return sum(xs) / len(xs) if xs else 0.0

def spread(xs):
    return max(xs) - min(xs) if xs else 0.0

def median(xs):
    s = sorted(xs)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2
