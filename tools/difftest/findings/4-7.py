# difftest finding 4-7 (value); minimised from gen.generate('4', 7, known=False)
def show(f):
    try:
        r = f()
    except Exception as e:
        pass
    else:
        print(r)
fv6 = 9.942394095374484e-22
show(lambda: pow(fv6, 3))
