# Generators receiving values via send().
def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
g = accumulator()
print(next(g))
print(g.send(5))
print(g.send(10))
print(g.send(-3))
try:
    g.send(None)
except StopIteration:
    print("stopped")
def echo():
    received = []
    while len(received) < 3:
        x = yield len(received)
        received.append(x)
    yield received
e = echo()
print(e.send(None), e.send("a"), e.send("b"), e.send("c"))
def averager():
    count = 0
    total = 0.0
    avg = None
    while True:
        v = yield avg
        count += 1
        total += v
        avg = total / count
a = averager()
next(a)
for v in [10, 20, 60]:
    print(a.send(v))
