"""Alarm rules with debouncing, and a bounded alarm log."""

from .readings import SensorError
from .filters import make_debouncer

class ProcessingError(SensorError):
    """Raised when a stage fails; chained (`from`) to the underlying error."""

class Rule:
    severity = "info"
    fired_total = 0  # class attribute shared by every rule

    def __init__(self, name, limit, hold=2):
        self.name, self.limit, self.fired = name, limit, 0
        self.debounce = make_debouncer(hold)
        self.active = False

    def check(self, value):
        """Return True on a rising edge of the debounced condition."""
        was, self.active = self.active, self.debounce(self.test(value))
        rising = self.active and not was
        if rising:
            self.fired += 1
            Rule.fired_total += 1
        return rising

    def __repr__(self):
        return "%s(%s, %g)" % (type(self).__name__, self.name, self.limit)

class HighRule(Rule):
    severity = "warn"

    def test(self, value):
        return value > self.limit

class LowRule(Rule):
    severity = "warn"

    def test(self, value):
        return value < self.limit

class CriticalRule(HighRule):
    severity = "crit"

    def __init__(self, name, limit):
        super().__init__(name, limit, hold=1)

class AlarmLog:
    def __init__(self, capacity=6):
        self.capacity, self.entries, self.dropped = capacity, [], 0

    def record(self, channel, index, rule, value):
        self.entries.append((rule.severity, channel, index, rule.name, value))
        if len(self.entries) > self.capacity:
            self.entries.pop(0)
            self.dropped += 1
