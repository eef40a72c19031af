# N-queens: count all solutions by recursive backtracking.
# Stresses: recursion, list indexing/assignment, small-int arithmetic, loops.
N = 10
REPEAT = 15


def solve(n):
    cols = [False] * n
    diag1 = [False] * (2 * n)
    diag2 = [False] * (2 * n)
    placement = [0] * n

    def place(row):
        if row == n:
            return 1
        count = 0
        for c in range(n):
            d1 = row + c
            d2 = row - c + n
            if not cols[c] and not diag1[d1] and not diag2[d2]:
                cols[c] = True
                diag1[d1] = True
                diag2[d2] = True
                placement[row] = c
                count += place(row + 1)
                cols[c] = False
                diag1[d1] = False
                diag2[d2] = False
        return count

    return place(0)


def main():
    total = 0
    results = []
    for r in range(REPEAT):
        for n in range(4, N + 1):
            k = solve(n)
            if r == 0:
                results.append(k)
            total += k * n
    print("solutions:", results)
    print("checksum: %d" % total)


main()
