# difftest known divergence "int_bytes": int.to_bytes and int.from_bytes are missing.
print((1024).to_bytes(2, 'big'), (1024).to_bytes(4, 'little'))
print(int.from_bytes(b'\x01\x00', 'big'), int.from_bytes(b'\xff\xff', 'little', signed=True))
try:
    (-1).to_bytes(1, 'big')
except OverflowError as e:
    print('OverflowError', e)
