# difftest known divergence "sort_failure_state": when a comparison raises during list.sort(),
# CPython's timsort leaves the list partly sorted; Frostbyte sorts a copy with another algorithm
# and leaves the list unchanged (the order of __lt__ calls differs too).
lst = [-6, 10, -2, 16, 16, -2, 'tab\there', 19, 10, -7]
try:
    lst.sort()
except TypeError as e:
    print('TypeError', e)
print(lst)
for items in ([1, 'x', 2.5], ['x', 1], [None, 1, 'a'], [3, 1, 'b', 2]):
    try:
        sorted(items)
    except TypeError as e:
        print('TypeError', e)
