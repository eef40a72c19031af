# difftest known divergence "long_exc_message": messages that embed a repr are built in a
# fixed-size buffer and cut; CPython prints the whole repr.
try:
    [].index(10 ** 300)
except ValueError as e:
    print(len(str(e)), str(e)[-20:])
try:
    {}[('x' * 300,)]
except KeyError as e:
    print(len(str(e)))
