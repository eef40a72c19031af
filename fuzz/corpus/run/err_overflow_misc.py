# OverflowError and other arithmetic errors with stable messages.
def show(fn):
    try:
        print(fn())
    except Exception as e:
        print(type(e).__name__ + ":", e)
show(lambda: float(10 ** 400))
show(lambda: int(float("inf")))
show(lambda: int(float("nan")))
show(lambda: 2 ** 1000 * 1.0)
show(lambda: 1 << -1)
