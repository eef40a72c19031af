# Found by tools/difftest: an uncaught SystemExit ends the program without a traceback; a str
# argument is printed to stderr and the exit status is 1.
import sys
for args in [(), (0,), (5,), ('msg',), (None,), (True,)]:
    try:
        sys.exit(*args)
    except SystemExit as e:
        print('caught', type(e).__name__, e.args)


def leave():
    print('leaving')
    sys.exit('bye')


try:
    leave()
finally:
    print('finally runs')
