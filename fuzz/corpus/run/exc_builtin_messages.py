# Built-in error messages for common failures, caught and printed.
def show(fn):
    try:
        fn()
    except Exception as e:
        print(type(e).__name__ + ":", e)
show(lambda: 1 / 0)
show(lambda: 1 // 0)
show(lambda: 1.0 / 0)
show(lambda: [1, 2][5])
show(lambda: (1,)[-3])
show(lambda: "s"[1])
show(lambda: {"a": 1}["b"])
show(lambda: {}[(1, 2)])
show(lambda: int("12x"))
show(lambda: int("9", 8))
show(lambda: float("abc"))
show(lambda: [].pop())
show(lambda: [1].remove(2))
show(lambda: {}.pop("k"))
show(lambda: next(iter([])))
show(lambda: chr(-1))
