# sys and gc where Frostbyte's values are CPython's (sys_gc_module.rs tests the rest).
import gc
import sys

vi = sys.version_info
print(vi[:2], vi.major, vi.minor, vi.releaselevel, vi.serial, len(vi), type(vi.micro).__name__)
print(vi >= (3, 11), vi < (3, 12), tuple(vi)[:2], isinstance(vi, tuple))
print(type(vi).__name__)
print(sys.version.startswith("3.11."), type(sys.version).__name__)
print(hex(sys.hexversion >> 16), sys.hexversion & 0xff)
print(sys.byteorder, sys.maxsize == 2**63 - 1 or sys.maxsize == 2**31 - 1, type(sys.maxsize).__name__)
print(type(sys.path).__name__, sys.platform)
print(type(sys.implementation.name).__name__, sys.implementation.name == sys.implementation.name.lower())
print(type(sys.implementation.version).__name__, sys.implementation.version[3])
print(sys.modules["sys"] is sys, type(sys.modules).__name__, "gc" in sys.modules)

# sys.modules is the live table import reads.
sys.modules["fake_module"] = 42
import fake_module
print(fake_module)
del sys.modules["fake_module"]
try:
    import fake_module
except ImportError as e:
    print(type(e).__name__, e)
print(sys.stdout.write("out\n"), hasattr(sys.stderr, "write"), hasattr(sys.stdin, "readline"))

try:
    vi.major = 4
except AttributeError as e:
    print("AttributeError")
try:
    sys.version_info[9]
except IndexError as e:
    print(type(e).__name__, e)

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
junk = [[i] for i in range(100)]
gc.enable()
print(gc.isenabled(), type(gc.collect()).__name__)
