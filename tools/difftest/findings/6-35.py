# difftest finding 6-35 (value); minimised from gen.generate('6', 35, known=False)
lv9 = [6, 19, 0, 1]
sv14 = {42, 16}
st23 = set(set([-3, 13, 9, 10, 13, 7]))
st23.pop()
st23 &= {v for v in lv9}
st23 |= sv14
st23.pop()
print(st23)
