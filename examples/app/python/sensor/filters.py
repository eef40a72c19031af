"""Signal filters (classes) and stateful helpers (closures)."""


class Filter:
    kind = "filter"  # class attribute, overridden by subclasses

    def __init__(self, name):
        self.name = name
        self.seen = 0

    def update(self, x):
        self.seen += 1
        return self.apply(x)

    def apply(self, x):
        raise NotImplementedError("apply")

    def __repr__(self):
        return "<%s %s seen=%d>" % (self.kind, self.name, self.seen)


class MovingAverage(Filter):
    kind = "sma"

    def __init__(self, name, size=4):
        super().__init__(name)
        self.size = size
        self.window = []

    def apply(self, x):
        self.window.append(x)
        if len(self.window) > self.size:
            self.window.pop(0)
        return sum(self.window) / len(self.window)


class Ema(Filter):
    kind = "ema"

    def __init__(self, name, alpha=0.25):
        super().__init__(name)
        self.alpha = alpha
        self.value = None

    def apply(self, x):
        if self.value is None:
            self.value = float(x)
        else:
            self.value += self.alpha * (x - self.value)
        return self.value


def _raw_of(point):
    return point[0]


class Calibration:
    """Piecewise-linear raw -> physical conversion (extrapolates at the ends)."""

    def __init__(self, unit, points):
        self.unit = unit
        self.points = sorted(points, key=_raw_of)

    @classmethod
    def linear(cls, unit, raw0, val0, raw1, val1):
        return cls(unit, [(raw1, val1), (raw0, val0)])

    def __call__(self, raw):
        pts = self.points
        x0, y0 = pts[0]
        x1, y1 = pts[1]
        for (a, b), (c, d) in zip(pts, pts[1:]):
            x0, y0, x1, y1 = a, b, c, d
            if raw <= c:
                break
        t = (raw - x0) / (x1 - x0)
        return y0 + t * (y1 - y0)

    def __str__(self):
        return " -> ".join("%d:%g" % p for p in self.points) + " " + self.unit


def make_counter(start=0):
    count = start

    def bump(by=1):
        nonlocal count
        count += by
        return count

    return bump


def make_despiker(max_step):
    """Clamp each value to within max_step of the previous accepted value."""
    last = None
    clipped = 0

    def step(x):
        nonlocal last, clipped
        if last is not None and abs(x - last) > max_step:
            clipped += 1
            x = last + max_step if x > last else last - max_step
        last = x
        return x, clipped

    return step


def make_debouncer(hold):
    """Report a state change only after `hold` consecutive votes for it."""
    state = False
    votes = 0

    def vote(active):
        nonlocal state, votes
        if active == state:
            votes = 0
        else:
            votes += 1
            if votes >= hold:
                state = active
                votes = 0
        return state

    return vote
