class ExitFails:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        raise KeyError("from exit")
def f():
    with ExitFails():
        x = 1
        return x
def g():
    with ExitFails():
        x = 1
        y = 2
def h():
    for i in range(2):
        with ExitFails():
            x = 1
            break
def k():
    with ExitFails() as e, \
         ExitFails():
        raise ValueError
for fn in (f, g, h):
    try:
        fn()
    except KeyError as e:
        print(e)
k()
