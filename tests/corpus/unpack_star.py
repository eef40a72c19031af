# Star-unpacking in every position, and the unpacking errors.

a, *b, c = range(6)
print(a, b, c)
*a, = "xyz"
print(a)
*a, b = [1]
print(a, b)
first, *rest = (1,)
print(first, rest)
[x, [y, *z]] = [1, (2, 3, 4)]
print(x, y, z)
(p, q), *r = "ab", "cd", "ef"
print(p, q, r)

# Displays.
l1, l2 = [1, 2], (3, 4)
print([*l1, *l2, 5], (*l1, *l2), {*l1, *"ab"} == {1, 2, "a", "b"})
print([*range(3)], [*[]], (*(),), {**{}})
d1, d2 = {"a": 1, "b": 2}, {"b": 3, "c": 4}
print({**d1, **d2}, {**d1, "k": 1, **d2, "a": 0})
print({*()}, type({*()}).__name__)

# Calls.
def show(*args, **kwargs):
    return args, sorted(kwargs.items())


print(show(*l1, *l2))
print(show(0, *l1, 9, *l2, **{"x": 1}, **{"y": 2}))
print(show(*"ab", k=1, **d2))
print(show(**{"a": 1}, b=2))

# For targets.
for i, *others in [(1, 2, 3), (4,), "xy"]:
    print(i, others)
for (k, *v), w in [((1, 2), 3)]:
    print(k, v, w)
print([(h, t) for h, *t in ["abc", "d"]])

# Any iterable on the right, including generators and dicts (keys).
h, *t = (n * n for n in range(4))
print(h, t)
k1, k2 = {"one": 1, "two": 2}
print(k1, k2)

# Swap and nested star in augmented contexts.
m, n = 1, 2
m, n = n, m
print(m, n)


def check(label, f):
    try:
        f()
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


def too_many():
    a, b = [1, 2, 3]


def not_enough():
    a, b, c = [1]


def not_enough_star():
    a, b, *c = [1]


def not_enough_star_after():
    *a, b, c = ()


def not_iterable():
    a, b = 5


def not_iterable_star():
    a, *b = None


def too_many_gen():
    a, b = (i for i in range(10))


def call_not_iterable():
    show(*5)


def call_not_mapping():
    show(**[1])


def call_dup_kw():
    show(**{"a": 1}, **{"a": 2})


def call_dup_kw_named():
    show(a=1, **{"a": 2})


def call_kw_not_str():
    show(**{1: 2})


def display_not_iterable():
    return [*1]


def dict_display_not_mapping():
    return {**[1]}


check("too many", too_many)
check("not enough", not_enough)
check("not enough star", not_enough_star)
check("not enough star after", not_enough_star_after)
check("not iterable", not_iterable)
check("not iterable star", not_iterable_star)
check("too many gen", too_many_gen)
check("call not iterable", call_not_iterable)
check("call not mapping", call_not_mapping)
check("call dup kw", call_dup_kw)
check("call dup kw named", call_dup_kw_named)
check("call kw not str", call_kw_not_str)
check("display not iterable", display_not_iterable)
check("dict display not mapping", dict_display_not_mapping)

a, b, c = "ab"
