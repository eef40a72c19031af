"""Simulated sensor readings from a deterministic LCG, streamed by a generator."""

# ZX81-style LCG: every intermediate value stays well inside a 31-bit small int.
LCG_A, LCG_C, LCG_M = 75, 74, 65537
ADC_MAX = 4095

class SensorError(Exception):
    def __init__(self, channel, message):
        super().__init__(channel, message)
        self.channel = channel

    def __str__(self):
        return "[%s] %s" % self.args

class OutOfRange(SensorError):
    def __init__(self, channel, value, low, high):
        super().__init__(channel, "value %d outside %d..%d" % (value, low, high))
        self.value = value

class Sample:
    created = 0  # class attribute: samples produced by every generator

    def __init__(self, channel, index, raw):
        self.channel, self.index, self.raw = channel, index, raw
        Sample.created += 1

    def __repr__(self):
        return "Sample(%r, %d, %d)" % (self.channel, self.index, self.raw)

class Channel:
    def __init__(self, name, base, noise, glitch_pct):
        self.name, self.base, self.noise, self.glitch_pct = name, base, noise, glitch_pct

    @classmethod
    def from_spec(cls, spec):
        name, base, noise, glitch = spec.split(":")
        return cls(name, int(base), int(noise), int(glitch))

    def __repr__(self):
        return "Channel(%s, base=%d, noise=%d, glitch=%d%%)" % (
            self.name, self.base, self.noise, self.glitch_pct)

def samples(channel, count, seed):
    """Yield `count` samples: a random walk pulled back toward the base level."""
    state = seed % LCG_M
    level = channel.base
    for i in range(count):
        state = (LCG_A * state + LCG_C) % LCG_M
        level += state % (2 * channel.noise + 1) - channel.noise
        level += (channel.base - level) // 8
        state = (LCG_A * state + LCG_C) % LCG_M
        roll = state % 100
        if roll < channel.glitch_pct:
            raw = ADC_MAX + 1 + roll if roll % 2 == 0 else -1 - roll
        else:
            raw = level
        yield Sample(channel.name, i, raw)

def validate(sample, low=0, high=ADC_MAX):
    if sample.raw < low or sample.raw > high:
        raise OutOfRange(sample.channel, sample.raw, low, high)
    return sample
