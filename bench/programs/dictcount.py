# Dictionary-heavy counting: histograms keyed by ints, strings and tuples, membership
# tests, setdefault grouping, collections.Counter-free counting with get and `in`,
# dict iteration, deletion, and merging. Written for Frostbyte's benchmarks.
# Stresses: dict lookup/insert/delete with int, str and tuple keys, hashing, dict growth.

N = 160000


def lcg(seed):
    return (seed * 1103515245 + 12345) & 0x7FFFFFFF


def int_histogram(n):
    counts = {}
    x = 1
    for _ in range(n):
        x = lcg(x)
        k = (x >> 8) % 997
        if k in counts:
            counts[k] += 1
        else:
            counts[k] = 1
    return counts


def str_histogram(n):
    keys = ["k%d" % i for i in range(300)]
    counts = {}
    x = 7
    for _ in range(n):
        x = lcg(x)
        key = keys[(x >> 8) % 300]
        counts[key] = counts.get(key, 0) + 1
    return counts


def pair_counts(n):
    pairs = {}
    x = 3
    prev = 0
    for _ in range(n):
        x = lcg(x)
        cur = (x >> 8) % 40
        key = (prev, cur)
        pairs[key] = pairs.get(key, 0) + 1
        prev = cur
    return pairs


def group(counts):
    groups = {}
    for key, c in counts.items():
        groups.setdefault(c % 17, []).append(key)
    return groups


def prune(counts, limit):
    doomed = [k for k, v in counts.items() if v < limit]
    for k in doomed:
        del counts[k]
    return len(doomed)


def merge(a, b):
    out = dict(a)
    for k, v in b.items():
        out[k] = out.get(k, 0) + v
    return out


ih = int_histogram(N)
sh = str_histogram(N)
pc = pair_counts(N)
gi = group(ih)
gs = group(sh)
removed = prune(pc, N // 1600)
m = merge(ih, {k: v * 2 for k, v in ih.items() if k % 3 == 0})
m2 = merge(sh, sh)
top = sorted(sh.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(len(ih), len(sh), len(pc), removed, len(gi), len(gs))
print(top)
print(sorted(pc.items())[:4])
checksum = 0
for k in sorted(m):
    checksum = (checksum * 31 + k * m[k]) % 1000000007
for k in sorted(m2):
    checksum = (checksum * 31 + m2[k] + len(k)) % 1000000007
for g in sorted(gi):
    checksum = (checksum + g * len(gi[g])) % 1000000007
print("checksum", checksum)
