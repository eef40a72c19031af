pairs = {k: v for k, v in items if v}
evens = [x * y for x in range(3) for y in range(x) if x != y]
total = sum(n for n in pairs)
a, *rest = 1 < total <= 3, -7, 2**64
