import bisect
from bisect import bisect_left, bisect_right, insort, insort_left

a = [1, 2, 2, 2, 3, 5, 8]
for x in [0, 1, 2, 3, 4, 8, 9]:
    print(x, bisect_left(a, x), bisect_right(a, x), bisect.bisect(a, x))
print(bisect_left(a, 2, 2), bisect_left(a, 2, 0, 2), bisect_right(a, 2, hi=3), bisect_left(a, 2, lo=4, hi=None))
b = []
for x in [5, 1, 4, 1, 3, 9, 2, 6]:
    insort(b, x)
print(b)
insort_left(b, 4)
bisect.insort_right(b, 4.0)
print(b)
recs = [('a', 1), ('b', 3), ('c', 5)]
print(bisect_left(recs, 3, key=lambda r: r[1]), bisect_right(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ('x', 4), key=lambda r: r[1])
print(recs)
grades = 'FDCBA'
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in [33, 99, 77, 70, 89, 90, 100]])
print(bisect_left((1, 3, 5), 4), bisect_left('aceg', 'd'))

class Seq:
    def __init__(self):
        self.items = []
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def insert(self, i, x):
        print('insert', i, x)
        self.items.insert(i, x)

s = Seq()
for x in [3, 1, 2]:
    insort(s, x)
print(s.items)

def t(f, *a, **k):
    try:
        print(f(*a, **k))
    except Exception as e:
        print(type(e).__name__, e)
t(bisect_left, a, 1, -1)
t(bisect_left, a)
t(bisect_left, 5, 1)
t(bisect_left, [1, 'a'], 2)
t(insort, (1, 2), 1)
