# any and all short-circuit over iterables.
print(any([]), all([]), any([0, "", None]), all([1, "a", [0]]), any([0, 1]), all([1, 0]))
def noisy(v):
    print("check", v)
    return v
print(any(noisy(v) for v in [0, 2, 3]))
print(all(noisy(v) for v in [1, 0, 3]))
print(any(c.upper() == c for c in "abC"), all(x > 0 for x in range(1, 5)))
print(all([[], 1]), any([[], ()]), any({0: "a"}), all({1: 0}))
