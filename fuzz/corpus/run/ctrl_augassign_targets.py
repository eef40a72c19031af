# Augmented assignment to names, attributes and subscripts (target evaluated once).
class Box:
    def __init__(self):
        self.n = 1
        self.items = [1]
b = Box()
b.n += 4
b.n *= 3
b.items += [2]
print(b.n, b.items)
calls = []
def idx(i):
    calls.append(i)
    return i
lst = [10, 20, 30]
lst[idx(1)] += 5
print(lst, calls)
d = {"a": [1]}
d["a"] += [2]
d["a"][0] -= 10
print(d)
s = "ab"
s *= 3
print(s)
t = (1,)
t += (2, 3)
print(t)
f = 1.5
f **= 2
print(f)
n = 100
n //= 7
n %= 5
n <<= 3
n >>= 1
n |= 64
n &= 127
n ^= 1
print(n)
