"""ctl: a small control and telemetry package (the import-cost benchmark's subject)."""

from .vec import Vec2, clamp, lerp
from .pid import Pid
from .ring import Ring, mean, spread
from .codec import Frame, checksum, encode, decode

VERSION = (0, 3)
