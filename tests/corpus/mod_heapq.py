import heapq
from heapq import heappush, heappop, heapify

h = []
for x in [5, 3, 8, 1, 9, 2, 7, 3]:
    heappush(h, x)
    print(h)
print([heappop(h) for _ in range(len(h))])
data = [9, 1, 8, 2, 7, 3, 6, 4, 5, 0]
heapify(data)
print(data)
print(heapq.heapreplace(data, 10), data)
print(heapq.heappushpop(data, -1), heapq.heappushpop(data, 4), data)
print(heapq.heappushpop([], 3))
print(heapq.nsmallest(3, [5, 1, 4, 1, 5, 9, 2, 6]), heapq.nlargest(3, [5, 1, 4, 1, 5, 9, 2, 6]))
print(heapq.nsmallest(2, ['bb', 'a', 'ccc'], key=len), heapq.nlargest(2, ['bb', 'a', 'ccc'], len))
print(heapq.nlargest(0, [1, 2]), heapq.nsmallest(10, (3, 1, 2)), heapq.nlargest(1, [(1, 'a'), (1, 'b')], key=lambda t: t[0]))
tasks = []
heappush(tasks, (2, 'write'))
heappush(tasks, (1, 'read'))
heappush(tasks, (3, 'sleep'))
while tasks:
    print(heappop(tasks))

class Job:
    def __init__(self, p):
        self.p = p
    def __lt__(self, other):
        return self.p < other.p
    def __repr__(self):
        return 'Job(%d)' % self.p

jobs = [Job(3), Job(1), Job(2)]
heapify(jobs)
print(jobs, heappop(jobs))

def t(f, *a):
    try:
        print(f(*a))
    except Exception as e:
        print(type(e).__name__, e)
t(heappop, [])
t(heapq.heapreplace, [], 1)
t(heappush, (1,), 2)
t(heapify, 'abc')
t(heappush, [1], 'a')
t(heappop)

class Evil:
    def __init__(self, h):
        self.h = h
    def __lt__(self, other):
        self.h.clear()
        return True

ev = []
ev.append(Evil(ev))
ev.append(Evil(ev))
ev.append(Evil(ev))
t(heapify, ev)
