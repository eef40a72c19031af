# Builtins applied to lists: len, sum, min, max, any, all, sorted, reversed.
data = [4, -2, 7, 0, 7, 3]
print(len(data), sum(data), min(data), max(data), sum(data, 100))
print(any(data), all(data), any([]), all([]), any([0, 0]), all([1, 2]))
print(sorted(data), list(reversed(data)), data)
print(data.index(7), data.count(7))
print(list(map(abs, data)), list(filter(None, data)), list(filter(lambda x: x > 2, data)))
print(max(data, key=lambda x: -x), min(["bb", "a", "ccc"], key=len))
print(list(zip(data, data[1:])))
print([i for i, v in enumerate(data) if v == 7])
