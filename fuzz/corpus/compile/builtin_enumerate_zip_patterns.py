# Common enumerate/zip idioms.
names = ["ann", "bob", "cy"]
ages = [31, 25, 40]
for i, (n, a) in enumerate(zip(names, ages), 1):
    print(f"{i}. {n} ({a})")
pairs = list(zip(names, ages))
unz_n, unz_a = zip(*pairs)
print(unz_n, unz_a)
print(dict(zip(names, ages)), {n: i for i, n in enumerate(names)})
print(list(zip(range(5), "ab", [True, False, None])))
print([a - b for a, b in zip([10, 20, 30], [1, 2, 3])])
print(max(zip(ages, names)), sorted(zip(ages, names))[0][1])
