# An uncaught SystemExit whose code is neither None nor an int prints str(code) to stderr
# and exits with status 1 (CPython's handle_system_exit).
import sys


class Code:
    def __str__(self):
        return "custom code"


try:
    sys.exit(Code())
except SystemExit as e:
    print(type(e).__name__, type(e.code).__name__, str(e.code))
try:
    raise SystemExit(1, 2)
except SystemExit as e:
    print(e.code, e.args)
e = SystemExit(3)
e.code = "assigned"
print(e.code, e.args)
print("done")
sys.exit([1, "two", None])
