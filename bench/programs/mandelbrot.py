# Mandelbrot set: escape-time iteration over a SIZE x SIZE grid of the
# complex plane [-2.0, 0.5] x [-1.25, 1.25], using only float arithmetic.
# Prints the total iteration count, the number of points inside the set,
# and a position-weighted checksum.
# Stresses: float multiply/add/compare, nested while loops, int<->float.
SIZE = 480
MAX_ITER = 100


def mandel_point(cr, ci, max_iter):
    zr = 0.0
    zi = 0.0
    zr2 = 0.0
    zi2 = 0.0
    it = 0
    while it < max_iter and zr2 + zi2 <= 4.0:
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
        zr2 = zr * zr
        zi2 = zi * zi
        it += 1
    return it


def main():
    x0 = -2.0
    x1 = 0.5
    y0 = -1.25
    y1 = 1.25
    dx = (x1 - x0) / SIZE
    dy = (y1 - y0) / SIZE
    total = 0
    inside = 0
    weighted = 0
    rows = []
    y = 0
    while y < SIZE:
        ci = y0 + y * dy
        row_sum = 0
        x = 0
        while x < SIZE:
            cr = x0 + x * dx
            it = mandel_point(cr, ci, MAX_ITER)
            row_sum += it
            if it == MAX_ITER:
                inside += 1
            x += 1
        total += row_sum
        weighted = (weighted * 31 + row_sum) % 1000000007
        if y % (SIZE // 8) == 0:
            rows.append(row_sum)
        y += 1
    print("rows:", rows)
    print("total=%d inside=%d checksum=%d" % (total, inside, weighted))


main()
