# difftest finding: str.translate and str.maketrans are missing.
print('abc'.translate(str.maketrans('ab', 'xy')))
print('hello'.translate({ord('l'): None, ord('h'): 'J'}))
