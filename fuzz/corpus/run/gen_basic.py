# Generator functions: lazy evaluation and exhaustion.
def count_up(n):
    print("start")
    i = 0
    while i < n:
        print("yielding", i)
        yield i
        i += 1
    print("done")
g = count_up(3)
print("created")
print(next(g))
print(next(g))
for v in g:
    print("loop got", v)
print(list(g), next(g, "exhausted"))
def squares(n):
    for i in range(n):
        yield i * i
print(list(squares(6)), sum(squares(4)), max(squares(5)))
def empty():
    return
    yield
print(list(empty()))
def letters():
    yield "a"
    yield "b"
    return "ignored"
print(list(letters()), "".join(letters()))
print(type(g).__name__)
