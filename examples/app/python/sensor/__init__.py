"""sensor: a tiny streaming sensor-processing package for Frostbyte."""

from .readings import Channel, Sample, SensorError, OutOfRange

VERSION = "1.2"
AUTHOR = "frostbyte examples"

def describe():
    return "sensor %s (%s)" % (VERSION, AUTHOR)
