def clamp(x, lo=0, hi=10):
    """Docstrings are dropped."""
    if x < lo:
        return lo
    elif x > hi:
        return hi
    total = 0
    for i in range(x):
        if i % 2:
            continue
        total += i
    return total
