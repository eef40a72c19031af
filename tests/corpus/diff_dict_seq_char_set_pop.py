# Found by tools/difftest: dict() from a sequence holding a non-sequence; '%c' with any
# out-of-range int; set.pop() keeps its position (CPython's so->finger) across &=, clear()
# and resizes.
for f in [lambda: dict([1, 2]), lambda: dict([(1, 2), 3]), lambda: dict([(1, 2, 3)]), lambda: dict(['ab', 'cd']),
          lambda: '<%c>' % (2 ** 70,), lambda: '%c' % 1234567, lambda: '%c' % -1, lambda: '%c' % 65, lambda: '%c' % 1.5]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
lv9 = [6, 19, 0, 1]
st = set(set([-3, 13, 9, 10, 13, 7]))
print(st.pop())
st &= {v for v in lv9}
st |= {42, 16}
print(st.pop(), st)
s = {1, 2, 3, 4, 5}
print(s.pop(), s.pop())
s.intersection_update({3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13})
s.update(range(20, 30))
print(s.pop(), s)
s = {1, 2, 3, 4, 5, 6}
print(s.pop(), s.pop(), s.pop())
s.clear()
s.update([1, 2, 3, 4, 5])
print(s.pop(), s)
s = {8, 1, 9}
s.pop()
s -= {1, 9}
s |= {0, 16, 3}
print(s.pop(), s)
for n in (2 ** 63, 2 ** 63 - 1, -2 ** 63 - 1, 0x110000, -1, 97):
    try:
        print(format(n, 'c'), '{:c}'.format(n), f'{n:c}')
    except OverflowError as e:
        print('OverflowError', e)
