# Generator / closure / comprehension workload:
#  1. primes via a chain of filtering generators (one generator per prime),
#  2. permutations via a recursive generator (no `yield from`),
#  3. a lazy pipeline of generator stages built from closures,
#  4. list/dict/set comprehensions and generator expressions.
# Stresses: generator creation/resumption, deep generator chains, closure
# cells, lambda calls, comprehension scopes, sum/min/max/sorted/zip/enumerate.
NPRIMES = 500
PRIME_REPS = 20
PERM_N = 8
PIPE_N = 150000
ROUNDS = 2


def integers_from(n):
    while True:
        yield n
        n += 1


def drop_multiples(src, p):
    for x in src:
        if x % p != 0:
            yield x


def primes(count):
    src = integers_from(2)
    for i in range(count):
        p = next(src)
        yield p
        src = drop_multiples(src, p)


def permutations(items):
    if len(items) <= 1:
        yield items[:]
        return
    for i in range(len(items)):
        head = items[i]
        rest = items[:i] + items[i + 1:]
        for tail in permutations(rest):
            yield [head] + tail


def make_stage(fn):
    def stage(src):
        for x in src:
            yield fn(x)
    return stage


def make_filter(pred):
    def stage(src):
        for x in src:
            if pred(x):
                yield x
    return stage


def compose_pipeline(stages):
    def run(src):
        for st in stages:
            src = st(src)
        return src
    return run


def make_accumulator():
    total = [0]
    count = [0]

    def add(x):
        total[0] += x
        count[0] += 1
        return total[0]

    def result():
        return total[0], count[0]
    return add, result


def take(gen, n):
    out = []
    for x in gen:
        if len(out) >= n:
            break
        out.append(x)
    return out


def lcg_stream(seed, n):
    state = seed
    for i in range(n):
        state = (state * 1103515245 + 12345) % 2147483648
        yield state >> 16


def part_primes():
    acc = 0
    for k in range(PRIME_REPS):
        ps = list(primes(NPRIMES - k))
        acc = (acc * 7 + sum(ps)) % 1000000007
    twin = [(a, b) for a, b in zip(ps, ps[1:]) if b - a == 2]
    gaps = {}
    for a, b in zip(ps, ps[1:]):
        g = b - a
        gaps[g] = gaps.get(g, 0) + 1
    return ps[-1], acc, len(twin), max(gaps), sorted(gaps.items())[:4]


def part_perms():
    base = list(range(PERM_N))
    derangements = 0
    weighted = 0
    count = 0
    for p in permutations(base):
        count += 1
        fixed = sum(1 for i, v in enumerate(p) if i == v)
        if fixed == 0:
            derangements += 1
        weighted = (weighted * 31 + sum([i * v for i, v in enumerate(p)])) % 1000000007
    return count, derangements, weighted


def part_pipeline():
    scale = 3
    offset = 7
    add, result = make_accumulator()
    pipeline = compose_pipeline([
        make_stage(lambda x: x * scale + offset),
        make_filter(lambda x: x % 5 != 0),
        make_stage(lambda x: (x * x) % 10007),
        make_filter(lambda x: x & 1 == 1),
        make_stage(add),
    ])
    last = 0
    for v in pipeline(lcg_stream(12345, PIPE_N)):
        last = v
    total, count = result()
    first = take(pipeline(integers_from(1)), 5)
    return total, count, last, first


def part_comprehensions():
    n = 20000
    squares = [i * i for i in range(n)]
    residues = {i: (i * i * i) % 97 for i in range(n)}
    distinct = {v % 61 for v in squares}
    grid = [[(r * c) % 11 for c in range(200)] for r in range(200)]
    diag = sum(grid[i][i] for i in range(200))
    flat = [x for row in grid for x in row if x > 5]
    best = min((residues[i], -i) for i in range(1, n))
    return sum(squares) % 100003, len(distinct), diag, len(flat), best


def main():
    res = None
    for r in range(ROUNDS):
        res = (part_primes(), part_perms(), part_pipeline(), part_comprehensions())
    pr, pe, pi, co = res
    print("primes:", pr)
    print("perms:", pe)
    print("pipeline:", pi)
    print("comprehensions:", co)
    h = 0
    for part in (pr[:4], pe, pi[:3], co[:4]):
        for v in part:
            h = (h * 1000003 + v) % 2147483647
    print("checksum=%d" % h)


main()
