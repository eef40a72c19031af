# Return values: implicit None, early return, multiple values.
def nothing():
    x = 1
def early(n):
    if n < 0:
        return "neg"
    for i in range(n):
        if i * i > n:
            return i
    return None
def bare():
    return
def pair():
    return 1, 2
print(nothing(), early(-1), early(20), early(0), bare(), pair())
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(0), fact(5), fact(25))
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(15)])
def ret_in_loop():
    while True:
        return "left loop"
print(ret_in_loop())
