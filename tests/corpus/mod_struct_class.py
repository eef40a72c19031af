import struct
from struct import Struct, pack, unpack

s = Struct('<hhl')
print(s.format, s.size)
b = s.pack(1, 2, 3)
print(b, s.unpack(b), s.unpack_from(b'\0' + b, 1), s.unpack_from(b, offset=0))
print(list(s.iter_unpack(b + b)))
print(type(s).__name__, isinstance(s, Struct))
s2 = Struct(b'>d')
print(s2.format, s2.size, s2.pack(0.5), s2.unpack(s2.pack(0.5)))
try:
    s.pack(1, 2)
except struct.error as e:
    print(e)
try:
    s.unpack(b'')
except struct.error as e:
    print(e)
print(pack('>i', -1) == b'\xff' * 4, unpack('>i', b'\xff' * 4))
# A record layout, as firmware reads a sensor frame.
frame = pack('<BBhHf', 0xA5, 3, -120, 5000, 21.5)
hdr, n, temp, press, hum = unpack('<BBhHf', frame)
print(hex(hdr), n, temp / 10, press, hum)
import sys
print('struct' in sys.modules, sys.modules['struct'] is struct)
print(struct.__name__)
