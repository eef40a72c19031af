# difftest finding 4-44 (value); minimised from gen.generate('4', 44, known=False)
def show(f):
    try:
        r = f()
    except Exception as e:
        pass
    else:
        print(r)
sv6 = 'tab\there'
show(lambda: (sv6 + 'the quick brown fox').count('', -1, 9))
