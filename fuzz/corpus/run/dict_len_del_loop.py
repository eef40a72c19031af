# Removing entries: collect keys first, then delete.
d = {i: i * i for i in range(10)}
to_del = [k for k in d if d[k] % 2 == 1]
for k in to_del:
    del d[k]
print(d, len(d))
while d:
    k = list(d)[-1]
    print("pop", k, d.pop(k))
print(d)
