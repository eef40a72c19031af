# Recursion and search: a backtracking sudoku solver (row/column/box sets as bit masks),
# permutations generated recursively into lists, and a recursive subset-sum search with
# pruning. Written for Frostbyte's benchmarks (nqueens.py covers board placement).
# Stresses: deep recursion, list copy/append/pop, bit operations, early returns.

PUZZLES = [
    "530070000600195000098000060800060003400803001700020006060000280000419005000080079",
    "000000907000420180000705026100904000050000040000507009920108000034059000507000000",
    "030050040008010500460000012070502080000603000040109030250000098001020600080060020",
    "100007090030020008009600500005300900010080002600004000300000010040000007007000300",
    "800000000003600000070090200050007000000045700000100030001000068000000400009000010",
    "000000010400000000020000000000050407008000300001090000300400200050100000000806000",
]
PERM_N = 8
SUBSET_TARGETS = 40


def solve(cells):
    rows = [0] * 9
    cols = [0] * 9
    boxes = [0] * 9
    empty = []
    for i in range(81):
        v = cells[i]
        r, c = divmod(i, 9)
        if v:
            bit = 1 << v
            rows[r] |= bit
            cols[c] |= bit
            boxes[(r // 3) * 3 + c // 3] |= bit
        else:
            empty.append(i)
    steps = [0]

    def place(k):
        if k == len(empty):
            return True
        # choose the most constrained remaining cell
        best = k
        best_count = 10
        for j in range(k, len(empty)):
            i = empty[j]
            r, c = divmod(i, 9)
            used = rows[r] | cols[c] | boxes[(r // 3) * 3 + c // 3]
            count = 0
            for v in range(1, 10):
                if not used & (1 << v):
                    count += 1
            if count < best_count:
                best, best_count = j, count
                if count <= 1:
                    break
        empty[k], empty[best] = empty[best], empty[k]
        i = empty[k]
        r, c = divmod(i, 9)
        b = (r // 3) * 3 + c // 3
        used = rows[r] | cols[c] | boxes[b]
        for v in range(1, 10):
            bit = 1 << v
            if used & bit:
                continue
            steps[0] += 1
            cells[i] = v
            rows[r] |= bit
            cols[c] |= bit
            boxes[b] |= bit
            if place(k + 1):
                return True
            rows[r] ^= bit
            cols[c] ^= bit
            boxes[b] ^= bit
            cells[i] = 0
        empty[k], empty[best] = empty[best], empty[k]
        return False

    ok = place(0)
    return ok, steps[0]


def permutations(items):
    if len(items) <= 1:
        return [items[:]]
    out = []
    for i in range(len(items)):
        rest = items[:i] + items[i + 1 :]
        for p in permutations(rest):
            p.append(items[i])
            out.append(p)
    return out


def subset_sums(values, target):
    values = sorted(values, reverse=True)
    suffix = [0] * (len(values) + 1)
    for i in range(len(values) - 1, -1, -1):
        suffix[i] = suffix[i + 1] + values[i]
    found = []

    def go(i, remaining):
        if remaining == 0:
            return 1
        if i == len(values) or suffix[i] < remaining:
            return 0
        n = 0
        if values[i] <= remaining:
            n += go(i + 1, remaining - values[i])
        n += go(i + 1, remaining)
        return n

    for t in range(target, target + SUBSET_TARGETS):
        found.append(go(0, t))
    return found


checksum = 0
for p in PUZZLES:
    cells = [int(ch) for ch in p]
    ok, steps = solve(cells)
    print(ok, steps, "".join(str(v) for v in cells[:18]))
    checksum = (checksum * 31 + steps + sum(cells[i] * i for i in range(81))) % 1000000007
perms = permutations(list(range(PERM_N)))
weight = 0
for idx, p in enumerate(perms):
    if p[0] < p[-1]:
        weight += idx % 97 + p[1]
print(len(perms), perms[0], perms[-1], weight)
counts = subset_sums([3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71], 120)
print(counts[:10], sum(counts))
checksum = (checksum * 31 + weight + sum(counts)) % 1000000007
print("checksum", checksum)
