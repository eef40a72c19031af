"""Signal filters (classes) and stateful helpers (closures)."""

class Filter:
    kind = "filter"  # class attribute, overridden by subclasses

    def __init__(self, name):
        self.name = name
        self.seen = 0

    def update(self, x):
        self.seen += 1
        return self.apply(x)

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

    def __call__(self, raw):
        for (x0, y0), (x1, y1) in zip(self.points, self.points[1:]):
            if raw <= x1:
                break
        return y0 + (raw - x0) / (x1 - x0) * (y1 - y0)

    def __str__(self):
        return " -> ".join("%d:%g" % p for p in self.points) + " " + self.unit

def make_debouncer(hold):
    """Report a state change only after `hold` consecutive votes for it."""
    state, votes = False, 0

    def vote(active):
        nonlocal state, votes
        votes = 0 if active == state else votes + 1
        if votes >= hold:
            state, votes = active, 0
        return state
    return vote
