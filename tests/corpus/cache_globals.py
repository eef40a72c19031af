# The lookup cache (vm/src/lookup_cache.rs) must see every change to globals and builtins
# made behind its back: rebinding, deletion, a global shadowing a builtin added and removed,
# globals() writes, dict resizes, exec'd code with its own globals.

x = 1


def get_x():
    return x


def get_len():
    return len


def use_len(s):
    return len(s)


out = []
for i in range(3):
    out.append(get_x())
x = 2
out.append(get_x())
globals()['x'] = 3
out.append(get_x())
print(out)

# Deleted, then rebound.
del x
try:
    get_x()
except NameError as e:
    print('NameError:', e)
x = 'back'
print(get_x())

# A global shadowing a builtin, added and removed after the builtin was cached.
print([use_len('abc') for _ in range(3)])
len = lambda s: 'shadowed'  # noqa: E731
print(use_len('abc'), get_len()('zz'))
del len
print(use_len('abcd'), get_len()('abcde'))

# Shadow through globals() and through a name the module never binds in its body.
for i in range(3):
    print(use_len([1] * i), end=' ')
print()
globals()['len'] = lambda s: -1
print(use_len('x'))
globals().pop('len')
print(use_len('xy'))


def get_abs():
    return abs(-5)


print(get_abs())
g = globals()
g['abs'] = lambda v: 'not abs'
print(get_abs())
del g['abs']
print(get_abs())

# Many new globals (the dict resizes; cached entry positions move).
def get_y():
    return y


y = 10
print(get_y())
for i in range(200):
    globals()['filler_%d' % i] = i
print(get_y(), filler_199)
y = 11
print(get_y())
for i in range(0, 200, 2):
    del globals()['filler_%d' % i]
print(get_y(), filler_199)

# The same names looked up from code with other globals.
src = 'def f():\n    return (x, len("ab"))\n'
ns1 = {'x': 'ns1'}
ns2 = {'x': 'ns2', 'len': lambda s: 'ns2-len'}
exec(src, ns1)
exec(src, ns2)
for _ in range(2):
    print(ns1['f'](), ns2['f']())
ns1['len'] = lambda s: 'late'
print(ns1['f'](), ns2['f']())
del ns2['x']
try:
    ns2['f']()
except NameError as e:
    print('NameError:', e)


# A builtin rebound in a loop: every call must see the current binding.
def count():
    return sum([1, 2, 3])


res = []
for i in range(4):
    if i == 2:
        sum = lambda it: 'fake sum'  # noqa: E731
    res.append(count())
del sum
res.append(count())
print(res)
