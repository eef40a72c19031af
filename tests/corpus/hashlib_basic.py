import hashlib

ALGOS = ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"]

# Known inputs, every algorithm.
for name in ALGOS:
    for data in [b"", b"abc", b"The quick brown fox jumps over the lazy dog"]:
        h = getattr(hashlib, name)(data)
        print(name, len(data), h.hexdigest())
    h = hashlib.new(name)
    print(h.name, h.digest_size, h.block_size, len(h.digest()))

# Lengths around the block and padding boundaries.
for name in ALGOS:
    acc = []
    for n in [55, 56, 57, 63, 64, 65, 111, 112, 113, 127, 128, 129, 1000]:
        acc.append(hashlib.new(name, bytes(i * 7 % 256 for i in range(n))).hexdigest()[:12])
    print(name, " ".join(acc))

# A long input fed in many uneven pieces equals one update.
data = bytes((i * 31 + 7) % 251 for i in range(20000))
for name in ALGOS:
    whole = hashlib.new(name, data).hexdigest()
    h = hashlib.new(name)
    i = 0
    step = 1
    while i < len(data):
        h.update(data[i:i + step])
        i += step
        step = step * 3 % 200 + 1
    print(name, whole == h.hexdigest(), whole[:16])

# A million a's (the standard long test vector), in 1000-byte pieces.
chunk = b"a" * 1000
for name in ["md5", "sha1", "sha256", "sha512"]:
    h = hashlib.new(name)
    for _ in range(1000):
        h.update(chunk)
    print(name, h.hexdigest())

# copy() forks the state.
h = hashlib.sha256(b"hello ")
g = h.copy()
h.update(b"world")
g.update(b"there")
print(h.hexdigest())
print(g.hexdigest())
print(hashlib.sha256(b"hello world").hexdigest() == h.hexdigest())
# digest() does not end the hash.
h = hashlib.sha1(b"ab")
d1 = h.hexdigest()
print(h.hexdigest() == d1)
h.update(b"c")
print(h.hexdigest() == hashlib.sha1(b"abc").hexdigest())

# Other buffers.
print(hashlib.md5(bytearray(b"abc")).hexdigest())
print(hashlib.md5(memoryview(b"xxabcxx")[2:5]).hexdigest())
h = hashlib.md5()
h.update(bytearray(b"a"))
h.update(memoryview(b"bc"))
print(h.hexdigest(), h.digest())

# Keywords.
print(hashlib.sha256(string=b"abc").hexdigest()[:16])
print(hashlib.md5(b"abc", usedforsecurity=False).hexdigest())
print(hashlib.new("md5", data=b"abc").hexdigest())
print(hashlib.new(name="sha1", data=b"abc").hexdigest())
print(hashlib.new("SHA256", b"abc").name, hashlib.new("Sha1").name)
print("sha256" in hashlib.algorithms_guaranteed, "md5" in hashlib.algorithms_available)
print(type(hashlib.sha256()).__name__)

# Errors.
h = hashlib.sha256()
tests = [
    lambda: h.update(),
    lambda: h.update("abc"),
    lambda: h.update(1),
    lambda: h.update(b"a", b"b"),
    lambda: hashlib.sha256("abc"),
    lambda: hashlib.sha256(1),
    lambda: hashlib.sha256(b"", b""),
    lambda: hashlib.sha256(bad=1),
    lambda: hashlib.new("foo"),
    lambda: hashlib.new("sha3_999", b"x"),
    lambda: hashlib.new(),
    lambda: hashlib.new(1),
    lambda: hashlib.new("md5", b"a", b"b"),
    lambda: h.digest(1),
    lambda: h.hexdigest(None),
    lambda: h.copy(2),
    lambda: h.update(memoryview(b"abcd")[::2]),
    lambda: hashlib.md5(None),
]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
