# difftest finding 4-81 (value); minimised from gen.generate('4', 81, known=False)
def show(f):
    try:
        r = f()
    except Exception as e:
        pass
    else:
        print(r)
show(lambda: 'aaa'[2].rfind('', 4))
