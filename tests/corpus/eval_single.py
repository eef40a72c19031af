# compile(..., 'single'): one statement; an expression statement's value goes to
# sys.displayhook (its repr printed unless None).
import sys
for src in ["1 + 2", "x = 5", "None", "'text'", "[1, None]", "if True:\n    7\n    8\n"]:
    c = compile(src, "<in>", "single")
    print(type(c).__name__, repr(exec(c)))
ns = {"v": 7}
exec(compile("v + 1", "<in>", "single"), ns)
print(sorted(ns))
sys.displayhook(None)
sys.displayhook("shown")
try:
    sys.displayhook()
except TypeError:
    print("TypeError")
try:
    compile("a = 1\nb = 2", "<in>", "single")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.lineno)
