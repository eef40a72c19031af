"""Running statistics and small-list helpers."""

class RunningStats:
    """Welford's online mean and variance: O(1) memory."""

    def __init__(self, name):
        self.name = name
        self.n = 0
        self.mean = self.m2 = 0.0
        self.lo = self.hi = None

    def add(self, x):
        self.n += 1
        delta = x - self.mean
        self.mean += delta / self.n
        self.m2 += delta * (x - self.mean)
        self.lo = x if self.lo is None else min(self.lo, x)
        self.hi = x if self.hi is None else max(self.hi, x)

    @property
    def variance(self):
        return self.m2 / (self.n - 1) if self.n > 1 else 0.0

    @property
    def stddev(self):
        return self.variance ** 0.5

def median(xs):
    s = sorted(xs)
    mid = len(s) // 2
    return s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2

def isqrt(n, lo=0, hi=None, depth=0):
    """Integer square root by recursive bisection; returns (root, depth)."""
    if hi is None:
        hi = n + 1
    if hi - lo <= 1:
        return lo, depth
    mid = (lo + hi) // 2
    if mid * mid <= n:
        return isqrt(n, mid, hi, depth + 1)
    return isqrt(n, lo, mid, depth + 1)

def fold_checksum(acc, value):
    return (acc * 31 + value) % 65521
