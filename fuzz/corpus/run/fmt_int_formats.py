# Integer formatting in all bases and with grouping.
for v in [0, 1, -1, 7, 255, -256, 65535, 10 ** 12, -(2 ** 40)]:
    print("%d|%5d|%x|%o" % (v, v, v, v), f"{v:b}|{v:#x}|{v:,}|{v:_}|{v:+}|{v:08}")
print(format(1234567890, ","), format(1234567890, "_"), format(0xabcdef, "_x"), format(255, "#010x"))
