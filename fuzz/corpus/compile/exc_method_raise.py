# Exceptions raised in methods and propagated through several frames.
class Stack:
    def __init__(self):
        self.items = []
    def push(self, x):
        self.items.append(x)
    def pop(self):
        if not self.items:
            raise IndexError("pop from empty Stack")
        return self.items.pop()
def drain(s, n):
    out = []
    for _ in range(n):
        out.append(s.pop())
    return out
s = Stack()
s.push(1)
s.push(2)
try:
    print(drain(s, 3))
except IndexError as e:
    print("caught:", e, s.items)
def a():
    b()
def b():
    c()
def c():
    raise RuntimeError("deep")
try:
    a()
except RuntimeError as e:
    print("from deep:", e)
