def f(items):
    with open("x") as fh:
        return fh.read()
