# CPython 3.11 limits int <-> decimal text conversions to sys.get_int_max_str_digits()
# digits (4300 by default) in both directions; power-of-two bases are not limited.
import sys


def show(label, f):
    try:
        r = f()
        print(label, r if len(str(r)) < 60 else "len " + str(len(r)))
    except Exception as e:
        print(label, type(e).__name__, e)


print(sys.get_int_max_str_digits())
big = 10 ** 4299          # 4300 digits: allowed
over = 10 ** 4300         # 4301 digits: refused
huge = 10 ** 100000

show("str at limit", lambda: len(str(big)))
show("str negative at limit", lambda: len(str(-big)))
show("str over", lambda: str(over))
show("str negative over", lambda: str(-over))
show("repr over", lambda: repr(over))
show("str huge", lambda: str(huge))
show("f-string", lambda: f"{over}")
show("f-string d", lambda: f"{over:d}")
show("format ,", lambda: format(over, ","))
show("format >", lambda: format(over, ">5000"))
show("percent d", lambda: "%d" % over)
show("percent i", lambda: "%i" % over)
show("str.format", lambda: "{}".format(over))
show("list repr", lambda: repr([over]))
show("print", lambda: print(over))
show("hex ok", lambda: len(hex(huge)))
show("bin ok", lambda: len(bin(over)))
show("oct ok", lambda: len(oct(over)))
show("format x ok", lambda: len(format(huge, "x")))
show("percent x ok", lambda: len("%x" % huge))
show("float ok", lambda: float(over) == 1e4300)

show("int at limit", lambda: int("9" * 4300) == 10 ** 4300 - 1)
show("int over", lambda: int("9" * 4301))
show("int huge", lambda: int("1" * 100000))
show("int underscores", lambda: int("1_" * 4300 + "1"))
show("int base 16 ok", lambda: int("f" * 10000, 16) == 16 ** 10000 - 1)
show("int base 2 ok", lambda: int("1" * 20000, 2).bit_length())
show("int base 36", lambda: int("z" * 4301, 36))
show("int base 0 hex ok", lambda: int("0x" + "f" * 5000, 0).bit_length())
show("int signs", lambda: int("-" + "9" * 4301))

show("set 0", lambda: sys.set_int_max_str_digits(0))
show("get", lambda: sys.get_int_max_str_digits())
show("str unlimited", lambda: len(str(over)))
show("int unlimited", lambda: int("9" * 5000) == 10 ** 5000 - 1)
show("set 640", lambda: sys.set_int_max_str_digits(640))
show("get", lambda: sys.get_int_max_str_digits())
show("str 640", lambda: len(str(10 ** 639)))
show("str 641", lambda: str(10 ** 640))
show("int 641", lambda: int("1" * 641))
show("set 639", lambda: sys.set_int_max_str_digits(639))
show("set -1", lambda: sys.set_int_max_str_digits(-1))
show("set str", lambda: sys.set_int_max_str_digits("5000"))
show("set keyword", lambda: sys.set_int_max_str_digits(maxdigits=5000))
show("get", lambda: sys.get_int_max_str_digits())
show("str 5000", lambda: len(str(10 ** 4999)))
show("str 5001", lambda: str(10 ** 5000))
sys.set_int_max_str_digits(4300)
show("restored", lambda: str(over))
