# difftest finding long1-561 (value); minimised from gen.generate('long1', 561, known=False)
import math

def show(f):
    try:
        r = f()
    except Exception as e:
        pass
    else:
        print(repr(r))
fv3 = 139.0
show(lambda: ('<%09.5F>' % math.cosh(fv3)).removeprefix(''))
