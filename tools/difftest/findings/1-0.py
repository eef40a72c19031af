# difftest finding 1-0 (exc-message); minimised from gen.generate('1', 0, known=False)
def show(f):
    try:
        r = f()
    except Exception as e:
        print('!', type(e).__name__, e)
    else:
        pass

def f22(a, /, b, *, c=3):
    pass
show(lambda: f22(a=1, b=2))
