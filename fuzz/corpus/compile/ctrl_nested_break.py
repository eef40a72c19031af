# Breaking out of nested loops with flags; continue in nested loops.
target = 12
found = None
for a in range(1, 10):
    for b in range(1, 10):
        if a * b == target and a < b:
            found = (a, b)
            break
    if found:
        break
print(found)
pairs = []
for a in range(4):
    for b in range(4):
        if a == b:
            continue
        if a + b > 4:
            break
        pairs.append((a, b))
print(pairs)
count = 0
i = 0
while i < 5:
    j = 0
    while j < 5:
        if (i + j) % 3 == 0:
            j += 1
            continue
        count += 1
        j += 1
    i += 1
print(count)
