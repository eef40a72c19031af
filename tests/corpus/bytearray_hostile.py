# Python code that mutates a bytearray while one of its operations runs.
ba = bytearray(b'ab')

def grow():
    for i in range(3):
        ba.extend(b'xy')
        yield b'%d' % i if False else bytes([48 + i])

try:
    print(ba.join(grow()))
except BufferError as e:
    print('BufferError', e, ba)
print(bytearray(b'-').join(grow()), ba)

class Shrink:
    def __index__(self):
        ba.clear()
        ba.extend(b'123')
        return 1

ba[Shrink()] = 65
print(ba)
ba = bytearray(b'abcdef')
ba[1:3] = (c for c in b'XYZ' if ba.append(33) is None)
print(ba)
ba = bytearray(b'abcdef')
m = memoryview(ba)
try:
    ba[1:3] = b''
except BufferError as e:
    print('BufferError', e)
ba[1:3] = b'QR'
print(ba, m.tobytes())
m.release()
ba[1:3] = b''
print(ba)
del m
ba2 = bytearray(1000)
ba2[::7] = bytes(len(range(0, 1000, 7)))
del ba2[::3]
print(len(ba2), sum(ba2))
