# difftest finding long1-963 (exc-message); minimised from gen.generate('long1', 963, known=False)
def show(f):
    try:
        r = f()
    except Exception as e:
        print('!', type(e).__name__, e)
    else:
        pass
show(lambda: sorted({v: v for v in [9, 1, 10]}.keys() | 'q'))
