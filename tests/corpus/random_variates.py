import random
random.seed(2024)
print([random.expovariate(1.5) for _ in range(3)], random.expovariate(3))
print([random.triangular() for _ in range(3)], random.triangular(1, 5, 2), random.triangular(0, 10, 9), random.triangular(3, 3, 3))
print(random.lognormvariate(0, 1), random.lognormvariate(1.5, 0.25))
print(random.randbytes(0), random.randbytes(1), random.randbytes(5), random.randbytes(9))
r = random.Random(99)
print(r.randbytes(4), r.expovariate(2), r.triangular(0, 1, 0.2), round(r.gauss(0, 1), 12), round(r.getstate()[2], 12))
for f in [lambda: random.expovariate(0), lambda: random.randbytes(-1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
