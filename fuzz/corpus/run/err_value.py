# ValueError from conversions and list methods.
def show(fn):
    try:
        print(fn())
    except ValueError as e:
        print("ValueError:", e)
show(lambda: int("x"))
show(lambda: int(""))
show(lambda: int("1.5"))
show(lambda: int(" 12 "))
show(lambda: int("z", 16))
show(lambda: int("12", 2))
show(lambda: float("1.2.3"))
show(lambda: float(""))
show(lambda: [1, 2].index(3))
show(lambda: "abc".find("z"))
show(lambda: [].remove(0))
def unpack_short():
    a, b, c = [1, 2]
show(unpack_short)
show(lambda: chr(0x110000))
