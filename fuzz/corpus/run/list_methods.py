# append, extend, pop, insert, remove, index, count.
l = []
l.append(1)
l.append("two")
l.extend([3, 4])
l.extend("ab")
l.extend(range(2))
print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.insert(0, "first")
l.insert(100, "last")
l.insert(-1, "before-last")
l.insert(-100, "very-first")
print(l)
l.remove("two")
print(l)
print(l.index(3), l.index("last"), l.index("a", 2))
m = [1, 2, 1, 3, 1, 2]
print(m.count(1), m.count(2), m.count(9), m.index(2), m.index(1, 1), m.index(1, 3, 6))
m.remove(1)
print(m)
x = [1, 2]
x.extend(x)
print(x)
x += [9]
print(x)
x *= 2
print(x)
r = x.append(0)
print(r, len(x))
stack = []
for i in range(5):
    stack.append(i * i)
while stack:
    print(stack.pop(), end=" ")
print()
