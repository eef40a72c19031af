# Found by tools/difftest: int.to_bytes and int.from_bytes (were missing).
cases = [(0, 0, 'big', False), (0, 1, 'little', True), (1024, 2, 'big', False), (1024, 4, 'little', False),
         (255, 1, 'big', False), (256, 1, 'big', False), (-1, 1, 'big', False), (-1, 1, 'big', True),
         (-128, 1, 'little', True), (-129, 1, 'little', True), (127, 1, 'big', True), (128, 1, 'big', True),
         (2 ** 64 - 1, 8, 'big', False), (2 ** 64, 8, 'big', False), (-2 ** 63, 8, 'little', True),
         (10 ** 30, 13, 'big', False), (-10 ** 30, 13, 'big', True), (5, -1, 'big', False), (5, 2, 'middle', False),
         (1, 0, 'big', False), (-(2 ** 95) + 3, 12, 'little', True), (2 ** 40 + 7, 9, 'little', True)]
for v, n, order, signed in cases:
    try:
        b = v.to_bytes(n, order, signed=signed)
        print(v, b, int.from_bytes(b, order, signed=signed), int.from_bytes(b, byteorder=order))
    except (OverflowError, ValueError) as e:
        print(v, type(e).__name__, e)
print((3).to_bytes(), (65).to_bytes(length=2), (65).to_bytes(2, byteorder='little'))
print(int.from_bytes(b''), int.from_bytes(b'\x00\x01'), int.from_bytes([1, 2, 3], 'little'), int.from_bytes((255,), 'big', signed=True))
print(int.from_bytes(b'\xff' * 20, 'big', signed=True), int.from_bytes(b'\x80' + b'\x00' * 15, 'big', signed=True))
for f in [lambda: int.from_bytes('ab', 'big'), lambda: (1).to_bytes(1, 5), lambda: int.from_bytes(b'', 'x')]:
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
