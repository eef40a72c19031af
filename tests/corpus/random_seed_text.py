# random.seed of str, bytes and bytearray: CPython's sequence (the seed is the integer of the
# bytes followed by their SHA-512), also for Random instances; seed() with no argument and
# Random() seed from the clock (no sequence to compare: only the range).
import random

for s in ["hello", b"bytes", bytearray(b"\x00\x00abc"), "", b"", "\u00e9" * 50, "x" * 1000]:
    random.seed(s)
    print(repr(s)[:24], random.random(), random.getrandbits(40), random.randrange(1000))
r = random.Random("x")
print(r.random(), r.randint(1, 6))
r.seed(b"\x00")
print(r.random())
random.seed("hello")
a = random.random()
random.seed(b"hello")
print(a == random.random())
random.seed()
print(0 <= random.random() < 1)
print(0 <= random.Random().random() < 1)
