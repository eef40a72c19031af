# difftest finding long1-328 (value); minimised from gen.generate('long1', 328, known=False)
def show(f):
    try:
        r = f()
    except Exception as e:
        pass
    else:
        print(repr(r))
iv1 = 787196
show(lambda: '[{0:é<0c}|{0!r}]'.format(iv1))
