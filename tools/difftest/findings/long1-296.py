# difftest finding long1-296 (value); minimised from gen.generate('long1', 296, known=False)
import math

def show(f):
    try:
        r = f()
    except Exception as e:
        pass
    else:
        print(repr(r))
show(lambda: '[{0:^ .6g}|{0!r}]'.format(math.exp(240.0)))
