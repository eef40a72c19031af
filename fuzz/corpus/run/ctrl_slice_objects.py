# slice objects used explicitly.
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step)
print(slice(5), slice(None, 3), slice(1, None, -1))
data = list(range(12))
print(data[s], "abcdefghijkl"[s], tuple(data)[s])
print(data[slice(-3, None)], data[slice(None, None, -4)])
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
first_half = slice(0, len(data) // 2)
data[first_half] = ["x"] * 6
print(data)
del data[slice(0, 3)]
print(data)
