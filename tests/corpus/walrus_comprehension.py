# Assignment expressions: in conditions, loops, comprehensions (binding in the enclosing
# scope), lambdas, nested functions and module level.

data = [3, 8, 1, 9, 4]

# In an if / while condition.
if (n := len(data)) > 3:
    print("long list", n)

it = iter(data)
while (x := next(it, None)) is not None:
    if x > 5:
        print("first big", x)
        break

# In a comprehension at module level: binds a module global.
total = 0
running = [total := total + v for v in data]
print(running, total)

found = any((hit := v) > 8 for v in data)
print(found, hit)

# The last value bound survives the comprehension.
[last := v * 2 for v in range(4)]
print(last)

# Inside a function: binds a local of the function (a cell shared with the comprehension).
def partial_sums(xs):
    acc = 0
    sums = [acc := acc + x for x in xs]
    return sums, acc


print(partial_sums([1, 2, 3, 4]))


def first_match(xs, pred):
    if any(pred(witness := x) for x in xs):
        return witness
    return None


print(first_match([1, 4, 9, 16], lambda v: v > 5), first_match([1], lambda v: v > 5))

# In a filter condition; nested comprehensions reach the same function scope.
def filtered(xs):
    ys = [y for x in xs if (y := x * x) % 2 == 0]
    grid = [[(cell := (r, c)) for c in range(2)] for r in range(2)]
    return ys, y, grid, cell


print(filtered([1, 2, 3, 4]))

# Dict and set comprehensions and generator expressions.
def others(xs):
    d = {k: (sq := k * k) for k in xs}
    s = {(m := v % 3) for v in xs}
    g = list((gl := v) for v in xs)
    return d, sq, s, m, g, gl


print(others([1, 2, 5]))

# A closure sees the rebinding made by the comprehension.
def counter():
    count = 0

    def get():
        return count

    [count := count + 1 for _ in range(5)]
    return get()


print(counter())

# global declared in the function: the comprehension writes the global.
g_value = "old"


def set_global():
    global g_value
    [g_value := v for v in ["a", "b"]]


set_global()
print(g_value)

# nonlocal: the comprehension rebinds the enclosing function's variable.
def outer():
    v = 0

    def inner():
        nonlocal v
        [v := v + i for i in range(4)]

    inner()
    return v


print(outer())

# Lambda bodies and default arguments.
f = lambda xs: [w := x for x in xs] and w
print(f([7, 8]))

# Walrus in an f-string and as a call argument.
print(f"{(z := 10) + 1} {z}")
print(max(m2 := [5, 2, 7]), m2)

# An empty iteration leaves the name unbound.
def empty():
    [q := 1 for _ in []]
    try:
        return q
    except NameError as e:
        return f"{type(e).__name__}: {e}"


print(empty())
