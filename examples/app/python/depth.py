"""Recursion probe: Python calls 200 deep.

Frames live in the Python heap, not on the native stack, so the native stack does not grow
with the depth. The firmware examples run this module after main.py, in a fresh VM on the
same heap, with its output in the footprint report; the stack high-water mark they report
covers both runs. A heap too small for 200 frames (8 KiB holds about 150) shows as
MemoryError and a shallower retry, never as a crash.
"""


def nest(n):
    if n == 0:
        return 0
    return nest(n - 1) + 1


for depth in (200, 100, 50):
    try:
        print("nest(%d) = %d" % (depth, nest(depth)))
        break
    except MemoryError:
        print("nest(%d): MemoryError" % depth)
