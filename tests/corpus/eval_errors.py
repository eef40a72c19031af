# Errors of eval/exec/compile: argument types, modes, SyntaxError fields for bad source.
def show(f):
    try:
        r = f()
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__, e)


show(lambda: compile("x", "f", "bad"))
show(lambda: compile(5, "f", "exec"))
show(lambda: compile("x", 5, "exec"))
show(lambda: compile("x", "f"))
show(lambda: eval(5))
show(lambda: eval("1", 5))
show(lambda: eval("1", 5, {}))
show(lambda: eval("1", [1], {}))
show(lambda: eval("1", {}, 5))
show(lambda: exec(5))
show(lambda: eval())
show(lambda: exec("x", 5))
show(lambda: exec("x = 1", {}, 5))
show(lambda: eval("1", {}, {}, {}))
show(lambda: eval("x", globals=None))
show(lambda: exec("x\0y"))
show(lambda: eval("undefined_name"))
show(lambda: exec("import no_such_module_here"))
show(lambda: type(compile("pass", "f", "single")).__name__)
for src in ["1 +", "def f(:\n    pass", "x = (1,\ny = 2\nz = (", "a b"]:
    for mode in ["exec", "eval"]:
        try:
            compile(src, "prog.py", mode)
            print("compiled", repr(src), mode)
        except SyntaxError as e:
            print("SyntaxError", repr(src), mode, e.filename, e.lineno, type(e.msg).__name__, type(e.args[1]).__name__)
try:
    eval("1 +")
except SyntaxError as e:
    print(e.filename, e.lineno, isinstance(e, Exception))
