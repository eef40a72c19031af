# Fannkuch-redux: for every permutation of 1..n, repeatedly reverse the
# prefix whose length is the first element until 1 comes first; track the
# maximum number of flips and an alternating-sign checksum of flip counts.
# Stresses: list indexing, slicing-free in-place swaps, tight integer loops.
N = 9


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    perm = [0] * n
    max_flips = 0
    checksum = 0
    perm_index = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1

        # count flips for current permutation
        for i in range(n):
            perm[i] = perm1[i]
        flips = 0
        k = perm[0]
        while k != 0:
            i = 0
            j = k
            while i < j:
                t = perm[i]
                perm[i] = perm[j]
                perm[j] = t
                i += 1
                j -= 1
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        if perm_index % 2 == 0:
            checksum += flips
        else:
            checksum -= flips

        # next permutation (rotation-based ordering)
        while True:
            if r == n:
                return max_flips, checksum, perm_index + 1
            first = perm1[0]
            i = 0
            while i < r:
                perm1[i] = perm1[i + 1]
                i += 1
            perm1[r] = first
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        perm_index += 1


def main():
    max_flips, checksum, nperms = fannkuch(N)
    print("permutations: %d" % nperms)
    print("%d\nPfannkuchen(%d) = %d" % (checksum, N, max_flips))


main()
