# difftest finding 6-84 (value); minimised from gen.generate('6', 84, known=False)
lv8 = [-6, 11, 0, 19, 20]
lst18 = [v - i for i, v in enumerate(lv8)]
lst18[8:8] = (-2, 'tab\there')
lst18 += sorted([10, -7, 19], key=lambda v: -v)
try:
    lst18.sort()
except Exception as e:
    pass
print(lst18)
