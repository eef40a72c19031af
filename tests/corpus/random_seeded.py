import random
for s in [0, 1, 42, -42, 2**32, 2**100 + 7, 12345678901234567890, 3.5, -1.25, True]:
    random.seed(s)
    print(s, random.random(), random.getrandbits(5), random.getrandbits(32), random.getrandbits(33), random.getrandbits(100))
random.seed(7)
print([random.randrange(10) for _ in range(10)])
print([random.randrange(3, 100, 7) for _ in range(5)], [random.randrange(100, 3, -7) for _ in range(5)])
print([random.randint(-5, 5) for _ in range(10)])
print(random.randrange(2**70), random.randrange(2**64 - 1), random.randrange(-2**40, 2**40))
l = list(range(20)); random.shuffle(l); print(l)
print(random.choice('abcdef'), random.choice([1, 2, 3]), random.choice(range(1000)))
print(random.sample(range(100), 10), random.sample('abcdefgh', 3), random.sample(range(10**9), 8), random.sample(range(30), 30))
print(random.choices('abc', k=5), random.choices('abc', [1, 2, 3], k=6), random.choices('abc', cum_weights=[1, 1.5, 10], k=4))
print(random.uniform(1, 3), random.gauss(), random.gauss(1, 2), random.gauss(), random.normalvariate(), random.normalvariate(5, 0.1))
st = random.getstate(); a = [random.random() for _ in range(3)]; random.setstate(st); print(a == [random.random() for _ in range(3)], len(st[1]), st[0])
r = random.Random(5); r2 = random.Random(5)
print(r.random() == r2.random(), r.randrange(100), r2.sample([1, 2, 3, 4], 2))
print(random.getrandbits(0), random.getrandbits(1))
for f in [lambda: random.randrange(0), lambda: random.randrange(5, 5), lambda: random.randrange(1, 10, 0), lambda: random.randrange(10, 1, 2),
          lambda: random.choice([]), lambda: random.getrandbits(-1), lambda: random.sample({1, 2}, 1), lambda: random.sample([1], 2),
          lambda: random.choices('ab', [1], k=1), lambda: random.choices('ab', [0, 0]), lambda: random.choices('ab', [1,2], cum_weights=[1,2]),
          lambda: random.seed([1]), lambda: random.randrange(1, None, 2), lambda: random.randrange(-3), lambda: random.choices('ab', 2)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
random.seed(3)
print([random.random() for _ in range(700)][-1])
random.seed(11)
x = random.sample(range(10**6), 20000)
print(len(x), len(set(x)), sum(x), x[:5])
print(random.sample(range(2**40), 3))
