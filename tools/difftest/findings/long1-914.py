# difftest finding long1-914 (exc-message); minimised from gen.generate('long1', 914, known=False)
def show(f):
    try:
        r = f()
    except Exception as e:
        print('!', type(e).__name__, e)
    else:
        pass
show(lambda: sorted(dict.fromkeys([2, 10], 4).keys() | 'q'))
