# pass statements in various block positions.
def nothing():
    pass
class Empty:
    pass
for i in range(3):
    pass
while False:
    pass
if True:
    pass
else:
    pass
try:
    pass
except Exception:
    pass
print(nothing(), Empty.__name__, i)
def doc_only():
    "Only a docstring."
print(doc_only())
