# Big-int products, quotients, powers and decimal text at sizes around the VM's algorithm
# thresholds (Karatsuba from 40 32-bit digits, lopsided products, Knuth division), both
# signs, checked by identities and by printing digests of the results.


def lcg(seed):
    while True:
        seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
        yield seed


g = lcg(2026)


def rnd(bits):
    x = 0
    while x.bit_length() < bits:
        x = (x << 64) | next(g)
    x >>= x.bit_length() - bits
    return -x if next(g) & 1 else x


def digest(x):
    # Sign, size, low and high decimal digits (str() stays under the 4300-digit limit here).
    s = str(abs(x))
    return '%s%d:%s..%s' % ('-' if x < 0 else '+', len(s), s[:12], s[-12:])


for abits, bbits in [(1280, 1280), (1248, 1312), (2560, 1280), (2592, 1280), (4000, 1300),
                     (5000, 5000), (3000, 64), (9000, 1400), (1290, 4100), (6400, 3200)]:
    a, b = rnd(abits), rnd(bbits)
    p = a * b
    assert p == b * a
    assert p // b == a and p % b == 0
    q, r = divmod(a, b)
    assert q * b + r == a and (r == 0 or (r < 0) == (b < 0)) and abs(r) < abs(b)
    assert (a + b) * (a - b) == a * a - b * b
    print(abits, bbits, digest(p % 10**1200), digest(q), digest(r % 10**1000))

# Squares and powers (pow squares its way up through the cutoff).
x = 3**2000
assert x * x == 3**4000 == pow(3, 4000)
print(digest(x * x % 10**4000))
print(digest((-7)**1001 % 10**3000), ((-7)**1001) % 1000003)
y = (2**1300 - 1)**3
print(y.bit_length(), y % 999999937, digest(y % 10**4000))
f = 1
for i in range(1, 1001):
    f *= i
print(f.bit_length(), f % 1000000007, len(str(f)))

# Decimal text: exact round trips up to the limit, then CPython 3.11's ValueError.
for digits in [1, 9, 10, 18, 19, 20, 100, 999, 1000, 2000, 4299, 4300]:
    n = 10**(digits - 1) + (987654321 * digits) % 10**(digits - 1)
    s = str(n)
    assert len(s) == digits and int(s) == n and int('-' + s) == -n
    print(digits, s[:10], s[-10:], hash(n) == hash(int(s)))
big = 10**4300
try:
    str(big)
except ValueError as e:
    print('ValueError:', e)
try:
    int('7' * 4301)
except ValueError as e:
    print('ValueError:', e)
print(len(hex(big)), hex(big)[-8:], big.bit_length())
