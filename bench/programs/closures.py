# Closures and method calls: counters and accumulators built from nested functions with
# nonlocal, function composition, map/filter with lambdas, bound methods stored and called
# later, properties with getters and setters, staticmethod/classmethod, callable objects
# (__call__), and sorting with key functions. Written for Frostbyte's benchmarks.
# Stresses: closure cells, call overhead of lambdas/bound methods/properties, attribute
# descriptors, higher-order builtins.

N = 30000


def make_counter(step):
    count = 0

    def bump():
        nonlocal count
        count += step
        return count

    return bump


def compose(f, g):
    return lambda x: f(g(x))


def make_adders(n):
    return [lambda x, k=k: x + k for k in range(n)]


class Account:
    rate = 3

    def __init__(self, owner, balance):
        self.owner = owner
        self._balance = balance
        self.history = 0

    @property
    def balance(self):
        return self._balance

    @balance.setter
    def balance(self, value):
        self.history += 1
        self._balance = value

    def deposit(self, amount):
        self.balance = self.balance + amount
        return self

    def interest(self):
        return self._balance * self.rate // 100

    @staticmethod
    def fee(amount):
        return amount // 50 + 1

    @classmethod
    def opening(cls, owner):
        return cls(owner, 100)


class Scaler:
    def __init__(self, k):
        self.k = k

    def __call__(self, x):
        return x * self.k % 1009


def run(n):
    c3 = make_counter(3)
    c5 = make_counter(5)
    for _ in range(n):
        c3()
        c5()
    inc = lambda x: x + 1
    dbl = lambda x: x * 2
    f = compose(inc, compose(dbl, inc))
    s = 0
    for i in range(n):
        s += f(i)
    adders = make_adders(10)
    t = 0
    for i in range(n // 10):
        for add in adders:
            t = add(t) % 100003
    accounts = [Account.opening("o%d" % i) for i in range(20)]
    deposits = [a.deposit for a in accounts]
    for i in range(n):
        deposits[i % 20](Account.fee(i))
    interest = sum(a.interest() for a in accounts)
    history = sum(a.history for a in accounts)
    scale = Scaler(7)
    m = list(map(scale, filter(lambda v: v % 3 != 0, range(n))))
    key_sorted = sorted(m[:2000], key=lambda v: (v % 10, -v))
    return c3(), c5(), s, t, interest, history, sum(m) % 1000003, key_sorted[:5]


checksum = 0
for r in range(3):
    res = run(N + r)
    print(r, res)
    for v in res[:-1]:
        checksum = (checksum * 31 + v) % 1000000007
print("checksum", checksum)
