# *args collection and call-site * / ** unpacking.
def total(*nums):
    print(type(nums).__name__, len(nums))
    return sum(nums)
print(total(), total(1), total(1, 2, 3))
print(total(*[4, 5, 6]), total(*range(5)), total(1, *(2, 3), 4, *[5]))
def show(a, b, c):
    return f"a={a} b={b} c={c}"
args = (1, 2, 3)
print(show(*args), show(*"xyz"), show(*[1], *[2, 3]))
kw = {"c": 30, "b": 20}
print(show(10, **kw), show(**{"a": 1, "b": 2, "c": 3}), show(1, *[2], **{"c": 3}))
def both(*args, **kwargs):
    return args, kwargs
print(both(1, 2, x=3), both(*[1, 2], **{"y": 4}), both())
print(max(*[3, 8, 1]), list(zip(*[[1, 2], [3, 4], [5, 6]])))
def first_rest(first, *rest):
    return first, rest
print(first_rest(1), first_rest(1, 2, 3))
