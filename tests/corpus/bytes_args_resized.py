# A bytes-like argument resized by Python code that runs while the method works (an
# __index__ of another argument): the method reads the argument after that code, or keeps it
# exported meanwhile (BufferError), as CPython; it never reads or writes a freed buffer.
import gc, struct, array
ba = bytearray(b'ab' * 200)
junk = []
class I:
    def __init__(self, v=0): self.v = v
    def __index__(self):
        try:
            ba[:] = b''
        except BufferError as e:
            print("  (BufferError in __index__)")
        gc.collect()
        for i in range(50):
            junk.append(bytearray(b'Z' * 400))
        return self.v
def t(name, f):
    ba[:] = b'ab' * 200
    junk.clear()
    try:
        r = f()
        print(name, r if not isinstance(r, (bytes, bytearray)) else (len(r), bytes(r[:6])))
    except Exception as e:
        print(name, type(e).__name__, e)
t("pack_into", lambda: struct.pack_into("B", ba, I(1), 65))
t("unpack_from", lambda: struct.unpack_from("B", ba, I(1)))
t("ba_setitem_slice", lambda: ba.__setitem__(slice(I(0), 2), b'xy'))
t("ba_getitem_slice", lambda: ba[I(0):4])
t("ba_pop", lambda: ba.pop(I(0)))
t("ba_insert", lambda: ba.insert(I(0), 65))
t("bytes_getitem", lambda: (b'x' * 10)[I(1)])
t("rjust", lambda: bytes(ba).rjust(I(5), b'x'))
t("b_contains", lambda: b'ab' in ba)
t("mv", lambda: memoryview(ba)[I(0)])
t("from_bytes", lambda: int.from_bytes(ba, 'big') > 0)
t("arr_frombytes", lambda: array.array('B', ba)[:3])
t("ba_mul", lambda: len(ba * I(2)))
t("b_mul", lambda: len(b'ab' * I(2)))

for name, f in [
    ("find", lambda: b'ab' * 300 .find(ba, I())),
    ("count", lambda: (b'ab' * 300).count(ba, I())),
    ("startswith", lambda: (b'ab' * 300).startswith(ba, I())),
    ("replace", lambda: (b'ab' * 300).replace(ba, b'', I())),
    ("split", lambda: len((b'ab' * 300).split(ba, I()))),
    ("rsplit", lambda: len((b'ab' * 300).rsplit(ba, I()))),
    ("str_find_ba", lambda: bytearray(b'ab' * 300).find(ba, I())),
    ("index", lambda: (b'ab' * 300).index(ba, I())),
]:
    ba[:] = b'ab' * 200
    junk.clear()
    try:
        print(name, f())
    except Exception as e:
        print(name, type(e).__name__, e)
