# while loops with break, continue and else.
i = 0
while i < 5:
    print(i, end=" ")
    i += 1
print()
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)
i = 0
while True:
    i += 1
    if i % 2 == 0:
        continue
    if i > 9:
        break
    print("odd", i)
k = 0
while k < 3:
    k += 1
else:
    print("while-else ran, k =", k)
k = 0
while k < 10:
    if k == 4:
        print("breaking at", k)
        break
    k += 1
else:
    print("not printed")
while False:
    print("never")
else:
    print("else of never-run loop")
a, b = 0, 1
fib = []
while a < 100:
    fib.append(a)
    a, b = b, a + b
print(fib)
