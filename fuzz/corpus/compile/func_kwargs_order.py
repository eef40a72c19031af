# Mixing positional, default, *args, keyword-only, **kwargs in one signature.
def full(a, b=2, *args, c, d=4, **kw):
    return "a=%r b=%r args=%r c=%r d=%r kw=%r" % (a, b, args, c, d, kw)
print(full(1, c=3))
print(full(1, 20, 30, 40, c=3))
print(full(1, c=3, d=5, e=6, f=7))
print(full(*[1, 2, 3], **{"c": 0, "z": 9}))
print(full(a=1, c=2))
def pos_kw_mix(x, y):
    return x - y
print(pos_kw_mix(10, 3), pos_kw_mix(y=10, x=3), pos_kw_mix(10, y=3))
