# for loops with else, break and continue, over many iterables.
def find_prime_factor(n):
    for d in range(2, n):
        if n % d == 0:
            print(n, "has factor", d)
            break
    else:
        print(n, "is prime")
for n in [2, 9, 13, 25, 29]:
    find_prime_factor(n)
for x in []:
    print("never")
else:
    print("empty for-else")
for ch in "abcdef":
    if ch in "bd":
        continue
    if ch == "f":
        break
    print(ch, end="")
print()
for i in range(3):
    for j in range(3):
        if j == 2:
            break
        if i == 1:
            continue
        print(i, j)
    else:
        print("inner else", i)
for k, v in {"a": 1, "b": 2}.items():
    print(k, v)
for item in (1, "two", 3.0):
    print(type(item).__name__)
for b in b"hi":
    print(b)
for x in {3, 1, 2}:
    print("set item", x)
for i in range(10, 0, -3):
    print(i, end=" ")
print()
i = "unchanged"
for i in range(3):
    pass
print(i)
