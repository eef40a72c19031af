# difftest finding 5-93 (value); minimised from gen.generate('5', 93, known=False)
def show(f):
    try:
        r = f()
    except Exception as e:
        pass
    else:
        print(r)
sv6 = 'a"b'
show(lambda: getattr(sv6, '__len__', 0) == 0)
