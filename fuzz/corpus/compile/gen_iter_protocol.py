# Generators are their own iterators; iter() on them returns self.
def gen():
    yield "x"
    yield "y"
g = gen()
print(iter(g) is g)
print(list(zip(gen(), gen())), list(enumerate(gen())))
it = iter([1, 2, 3])
print(next(it), list(it), next(it, None))
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        n = self.n
        while n > 0:
            yield n
            n -= 1
c = Countdown(3)
print(list(c), list(c), 2 in c, 7 in c)
print(dict(zip(gen(), range(2))))
