# try/except/finally inside generators.
def safe_div(pairs):
    for a, b in pairs:
        try:
            yield a / b
        except ZeroDivisionError:
            yield "div0"
        finally:
            print("after", a, b)
print(list(safe_div([(1, 2), (1, 0), (9, 3)])))
def gen_raise():
    yield 1
    raise ValueError("bad in gen")
try:
    for v in gen_raise():
        print("got", v)
except ValueError as e:
    print("caught", e)
