# Found by tools/difftest: in-place set operators and the *_update methods work on the
# left operand's own table, as CPython's do, so the iteration order of the result (which
# depends on the table's size and its deleted slots) matches CPython's.

# |= after pop(): the merge first grows the table (fill counts the deleted slot).
s = set([-5, 20])
s.pop()
s |= {34, 24, 35}
print(s)

# -= discards in place and keeps the table while few slots are dummies.
s = set(range(0, 60, 3))
s -= {0, 3, 6, 9, 12}
s.add(64)
s.add(1)
print(s)
s = set(range(20))
s.difference_update(range(0, 20, 2), [1, 3])
print(s)
s.add(32)
print(s)

# ^= toggles the right operand's keys in place.
s = {1, 9, 17, 25}
s ^= {9, 33, 41}
print(s)
s.symmetric_difference_update([41, 2, 49])
print(s)
s.symmetric_difference_update({'a': 1, 'b': 2}.keys() and {57: 0, 1: 0})
print(s)

# difference() with a small right operand copies, then discards.
big = set(range(0, 100, 7))
print(big.difference({7, 14}, [21, 98]), big - {0})

# intersection with a list walks the list in its order.
print({8, 16, 24, 0, 32}.intersection([32, 24, 16, 8, 0]))
print({1, 2, 3}.union([9, 17], (25,)), {1}.union())

# pop() keeps its position across a resize.
s = {1, 2, 3, 4}
print(s.pop(), s.pop())
s.update(range(10, 16))
print(s.pop(), s)

# x op= x
s = {1, 2}
s -= s
t = {3, 4}
t ^= t
print(s, t)

# An insertion reuses the last deleted slot on its probe path, as CPython's set_add_entry.
s = {1, -1, 30, -2, 30}
s ^= {5, 40, 33, 50, 17}
s -= {1, 0, 33, 0}
s.update(range(5))
print(s)
a = set()
for k in [-3, 59, 26, 0, 35, 9, 33, 27, 4, 31, 12, 10, -1, 41]:
    a.add(k)
a -= set([0, 10, 0, 19, 29, 35, 4, 27, 59, 9, 57])
for k in range(6):
    a.add(100 + k * 32)
print(a)

# s & s is a copy of s.
s = {36, 7, 30, 35, 15, 37}
print(list(s & s), s.intersection(s))
s &= s
print(s)

# s | s, s.union(s), s |= s and s.update(s) copy or keep s without merging it again.
sv = {18, 9, 7, 40}
st = {37, 4, 4, 27} | {21, -2, 6, 8, 5, 2}
st.add(17)
st |= sv | sv
print(st, sv | sv, sv.union(sv, sv))
sv |= sv
sv.update(sv)
sv.add(33)
print(sv)
