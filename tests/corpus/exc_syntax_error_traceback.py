# An uncaught SyntaxError prints the place it points to (file and line) and only its msg;
# without a line it prints like other exceptions. A handled one chains as usual.
def check(src):
    try:
        compile(src, "config.py", "exec")
    except SyntaxError as e:
        return e.lineno, e.filename


print(check("x = 1\ny = = 2\n"), check("ok = 1"))
try:
    raise SyntaxError("no place")
except SyntaxError as e:
    print(str(e), e.lineno)
try:
    raise IndentationError("bad indent", ("f.py", 4, 2, None))
except SyntaxError as e:
    print(str(e), type(e).__name__)
e = SyntaxError("m", ("a.py", 1, 1, "t"))
e.lineno = 9
e.msg = "changed"
print(e.lineno, e.msg, str(e))
try:
    {}["k"]
except KeyError:
    raise SyntaxError("unexpected token", ("rules.txt", 3, 5, "a = = b\n"))
