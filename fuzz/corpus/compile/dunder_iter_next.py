# Iterator protocol with __iter__ and __next__.
class CountDown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
print(list(CountDown(5)))
c = CountDown(3)
for v in c:
    print("v", v)
print(list(c), next(c, "empty"))
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return Range2Iter(self.n)
class Range2Iter:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i * 2
r = Range2(3)
print(list(r), list(r), sum(r), max(r), sorted(r, reverse=True))
print([(a, b) for a in r for b in r if a < b])
print(list(zip(r, CountDown(5))), dict(enumerate(r)))
it = iter(r)
print(next(it), next(it), next(it), next(it, None))
