# difftest finding 9-8 (value); minimised from gen.generate('9', 8, known=False)
sv15 = {5, 40, 33, 50, 17}
st41 = {1, -1, 30, -2, 30}
st41 ^= sv15
st41 -= {1, 0, 33, 0}
st41.update(sv15 & {3, 15, 25, 34, 2, 4}, range(5))
print(st41)
