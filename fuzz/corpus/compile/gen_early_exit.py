# Breaking out of a generator loop early; explicit close() runs finally.
def produce():
    for i in range(100):
        print("produce", i)
        yield i
for v in produce():
    if v == 2:
        break
    print(v)
print("after loop")
def guarded():
    try:
        for i in range(100):
            yield i
    finally:
        print("cleanup")
g = guarded()
print(next(g), next(g))
g.close()
print("closed", next(g, "nothing"))
def naturals():
    n = 0
    while True:
        yield n
        n += 1
out = []
for n in naturals():
    if n > 5:
        break
    out.append(n)
print(out)
def take(n, it):
    res = []
    for x in it:
        if len(res) == n:
            break
        res.append(x)
    return res
print(take(4, naturals()), take(0, naturals()))
it = naturals()
for n in it:
    if n == 3:
        break
print("resume", next(it), next(it))
