"""Simulated sensor readings: a deterministic LCG and sample generators."""

# ZX81-style LCG: every intermediate stays well inside a 31-bit small int.
LCG_A = 75
LCG_C = 74
LCG_M = 65537
ADC_MAX = 4095


class SensorError(Exception):
    """Base class for every sensor failure."""

    def __init__(self, channel, message):
        super().__init__(channel, message)
        self.channel = channel
        self.message = message

    def __str__(self):
        return "[%s] %s" % (self.channel, self.message)


class OutOfRange(SensorError):
    def __init__(self, channel, value, low, high):
        super().__init__(channel, "value %d outside %d..%d" % (value, low, high))
        self.value = value


class Dropout(SensorError):
    pass


class Lcg:
    def __init__(self, seed):
        self.state = seed % LCG_M

    def next(self):
        self.state = (LCG_A * self.state + LCG_C) % LCG_M
        return self.state

    def below(self, n):
        return self.next() % n


class Sample:
    created = 0  # class attribute: samples produced by every generator

    def __init__(self, channel, index, raw):
        self.channel = channel
        self.index = index
        self.raw = raw
        Sample.created += 1

    @property
    def millivolts(self):
        return self.raw * 3300 // ADC_MAX

    def __repr__(self):
        return "Sample(%r, %d, %d)" % (self.channel, self.index, self.raw)


class Channel:
    def __init__(self, name, base, noise, glitch_pct):
        self.name = name
        self.base = base
        self.noise = noise
        self.glitch_pct = glitch_pct

    @classmethod
    def from_spec(cls, spec):
        name, base, noise, glitch = spec.split(":")
        return cls(name, int(base), int(noise), int(glitch))

    def __repr__(self):
        return "Channel(%s, base=%d, noise=%d, glitch=%d%%)" % (
            self.name, self.base, self.noise, self.glitch_pct)


def samples(channel, count, seed):
    """Yield `count` samples: a random walk pulled back toward the base level."""
    rng = Lcg(seed)
    level = channel.base
    for i in range(count):
        level += rng.below(2 * channel.noise + 1) - channel.noise
        level += (channel.base - level) // 8
        roll = rng.below(100)
        if roll < channel.glitch_pct:
            raw = ADC_MAX + 1 + roll if roll % 2 == 0 else -1 - roll
        else:
            raw = level
        yield Sample(channel.name, i, raw)


def validate(sample, low=0, high=ADC_MAX):
    if sample.raw < low or sample.raw > high:
        raise OutOfRange(sample.channel, sample.raw, low, high)
    return sample
