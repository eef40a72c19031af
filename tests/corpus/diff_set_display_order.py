# Found by tools/difftest: a set display of three or more constants is built as CPython builds
# it (an empty set updated from the constants), which sizes the table once, so its iteration
# order matches; sorting a single item still calls the key function.
print({8, 16, 26, 0, 15, 34})
print({50, 1, 15, 25, 34, 34})
print({-1, -2, 5, 100, 33, -7, 8, 16})
print({(1, 2), 3, 40, 24, 8})
a, b, c, d, e, f = 8, 16, 26, 0, 15, 34
print({a, b, c, d, e, f})
print({1, 9}, {17, 9, 1}, set([34, 2, 66, 0, 98, 130, 7]))
lst = [-6, 3]
lst.extend({50, 1, 15, 25, 34})
print(lst)
for key in (len, abs, None):
    try:
        print(sorted([0.5], key=key), sorted([], key=key))
    except TypeError as e:
        print('TypeError', e)
calls = []
[7].sort(key=lambda v: calls.append(v))
print(calls)
