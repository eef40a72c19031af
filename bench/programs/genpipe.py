# Generator pipelines built with `yield from`: a tokenizer over a generated text, stages
# that filter, map, batch and flatten, a recursive tree walk with `yield from`, generators
# that receive values with send() and return values through StopIteration.
# Written for Frostbyte's benchmarks (the older generators.py has no `yield from`).
# Stresses: generator resume/suspend, `yield from` delegation, send, StopIteration values.

N = 60000


def numbers(n):
    x = 12345
    for _ in range(n):
        x = (x * 69069 + 1) & 0xFFFFFFFF
        yield x >> 16


def evens(src):
    for v in src:
        if v & 1 == 0:
            yield v


def scaled(src, k):
    for v in src:
        yield v * k % 10007


def batches(src, size):
    batch = []
    for v in src:
        batch.append(v)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def flatten(src):
    for batch in src:
        yield from batch


def chained(n):
    yield from numbers(n // 2)
    yield from scaled(evens(numbers(n // 2)), 3)


def tree(depth, label):
    if depth == 0:
        yield label
        return
    yield from tree(depth - 1, label * 2)
    yield label
    yield from tree(depth - 1, label * 2 + 1)


def summed(src):
    total = 0
    count = 0
    for v in src:
        total += v
        count += 1
    return total, count


def delegating_sum(src):
    result = yield from summing(src)
    return result


def summing(src):
    total = 0
    for v in src:
        total = (total + v) % 1000000007
        yield total
    return total


def averager():
    total = 0
    count = 0
    avg = None
    while True:
        v = yield avg
        if v is None:
            return count
        total += v
        count += 1
        avg = total // count


def run(n):
    a = summed(flatten(batches(scaled(evens(numbers(n)), 7), 16)))
    b = summed(chained(n))
    c = summed(tree(11, 1))
    g = delegating_sum(numbers(n // 4))
    last = 0
    try:
        while True:
            last = next(g)
    except StopIteration as e:
        d = e.value
    avg = averager()
    next(avg)
    m = 0
    for v in numbers(n // 4):
        m = avg.send(v)
    try:
        avg.send(None)
    except StopIteration as e:
        cnt = e.value
    return a, b, c, last, d, m, cnt


checksum = 0
for r in range(3):
    res = run(N + r)
    print(r, res)
    for v in res:
        if isinstance(v, tuple):
            v = v[0] * 3 + v[1]
        checksum = (checksum * 31 + v) % 1000000007
print("checksum", checksum)
