# A small linked list implementing __len__, __iter__, __getitem__, __repr__, __eq__.
class Node:
    def __init__(self, val, nxt=None):
        self.val = val
        self.nxt = nxt
class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        for x in reversed(list(items)):
            self.push(x)
    def push(self, v):
        self.head = Node(v, self.head)
        self.size += 1
    def __len__(self):
        return self.size
    def __iter__(self):
        n = self.head
        while n is not None:
            yield n.val
            n = n.nxt
    def __getitem__(self, i):
        for j, v in enumerate(self):
            if j == i:
                return v
        raise IndexError("LinkedList index out of range")
    def __eq__(self, other):
        return list(self) == list(other)
    def __repr__(self):
        return "LinkedList(" + " -> ".join(repr(v) for v in self) + ")"
ll = LinkedList([1, 2, 3])
ll.push(0)
print(ll, len(ll), ll[2], list(ll), 3 in ll, ll == [0, 1, 2, 3], sum(ll))
try:
    ll[10]
except IndexError as e:
    print("IndexError:", e)
print(LinkedList(), len(LinkedList()), bool(LinkedList()), bool(ll))
