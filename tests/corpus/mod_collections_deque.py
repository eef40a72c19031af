from collections import deque
import collections

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], d[2])
print(d.pop(), d.popleft(), d)
d.extend([7, 8])
d.extendleft('ab')
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.rotate()
print(d, d.count(7), d.index(7), d.index(2, 1, 10))
d.remove('a')
d.reverse()
print(d)
d.insert(1, 'x')
d.insert(-1, 'y')
d.insert(100, 'z')
print(d)
d[0] = 'first'
del d[1]
print(d, 'z' in d, 'q' in d, list(reversed(list(d))))
d.clear()
print(d, len(d), bool(d))

b = deque(maxlen=3)
for i in range(5):
    b.append(i)
print(b, b.maxlen)
b.appendleft(-1)
print(b)
b.extend([10, 11])
print(b)
b.extendleft([20, 21])
print(b)
z = deque([1, 2], maxlen=0)
z.append(3)
print(z, deque('abc', 2), deque(range(3)).maxlen)
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) == [1, 2], deque([1, 2]) < deque([1, 3]), deque() != deque([0]))
print(deque([1]) + deque([2, 3]), list(deque([3, 4])), tuple(deque('xy')))
c = deque([1, 2], maxlen=5).copy()
c += deque([9])
print(c, c.maxlen)
e = deque([1, 2])
e.extend(e)
print(e)
r = deque()
r.append(r)
print(r)
print(type(d).__name__, collections.deque is deque)
print(sum(deque(range(10))), [x * 2 for x in deque([1, 2, 3])])
# A moving average window, as firmware keeps recent samples.
window = deque(maxlen=4)
for sample in [10, 20, 30, 40, 50, 60]:
    window.append(sample)
    print(sum(window) / len(window), end=' ')
print()

def t(f, *a):
    try:
        print(f(*a))
    except Exception as e:
        print(type(e).__name__, e)
t(deque().pop)
t(deque().popleft)
t(lambda: deque([1])[5])
t(lambda: deque([1])['a'])
t(deque([1]).remove, 2)
t(deque([1]).index, 2)
t(deque([1], 1).insert, 0, 5)
t(deque, [], -1)
t(lambda: deque([1]) + [2])
t(hash, deque())

d = deque([1, 2, 3])
try:
    for x in d:
        d.append(x)
except RuntimeError as e:
    print('RuntimeError', e)

class Eq:
    def __eq__(self, other):
        d.clear()
        return False

d = deque([Eq(), 1])
t(d.count, 1)
