import struct

# Half floats: bit patterns round-trip (every one is checked by the unit test
# struct_::tests::half_round_trip), rounding to nearest even.
n = 0
for b in range(0, 65536, 251):
    x, = struct.unpack('<e', struct.pack('<H', b))
    if x == x:
        if struct.pack('<e', x) != struct.pack('<H', b):
            print('mismatch', b)
        n += 1
print(n)
for x in [0.0, -0.0, 1.0, -2.5, 65504.0, 65519.0, 6e-08, 5.96e-08, 3e-08, 2.9e-08, 1e-10,
          0.1, 1/3, 1.00048828125, 1.0009765625, 1.00146484375, float('inf'), float('-inf')]:
    p = struct.pack('>e', x)
    print(x, p, struct.unpack('>e', p))
print(struct.unpack('<e', struct.pack('<e', float('nan'))))
for x in [65520.0, 1e10, -1e300]:
    try:
        struct.pack('<e', x)
    except OverflowError as e:
        print('OverflowError', e)
try:
    struct.pack('<f', 1e300)
except OverflowError as e:
    print('OverflowError', e)
