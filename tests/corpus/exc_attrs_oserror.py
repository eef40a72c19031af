# OSError: errno/strerror/filename/filename2, args truncation, str forms, and the subclass
# chosen by errno; the OSError subclasses and their hierarchy.
def show(e):
    print(type(e).__name__, e.args, e.errno, e.strerror, e.filename, e.filename2, "|", str(e))


show(OSError())
show(OSError("just a message"))
show(OSError(2))
show(OSError(2, "No such file or directory"))
show(OSError(2, "No such file or directory", "data.txt"))
show(OSError(2, "No such file or directory", "a.txt", None, "b.txt"))
show(OSError(1, 2, 3, 4, 5, 6))
show(OSError("a", "b"))
for n in [1, 2, 3, 4, 10, 11, 13, 17, 20, 21, 32, 103, 104, 110, 111, 114, 115, 999]:
    print(n, type(OSError(n, "x")).__name__)
print(type(OSError(2)).__name__, type(FileNotFoundError(13, "x")).__name__)


class MyOS(OSError):
    pass


print(type(MyOS(2, "x")).__name__, MyOS(2, "x", "f").filename)
print(IOError is OSError, EnvironmentError is OSError)
for c in [BlockingIOError, ChildProcessError, ConnectionError, BrokenPipeError,
          ConnectionAbortedError, ConnectionRefusedError, ConnectionResetError,
          FileExistsError, FileNotFoundError, InterruptedError, IsADirectoryError,
          NotADirectoryError, PermissionError, ProcessLookupError, TimeoutError]:
    print(c.__name__, c.__bases__[0].__name__, issubclass(c, OSError))
try:
    raise FileNotFoundError(2, "No such file or directory", "missing.cfg")
except OSError as e:
    print("caught", type(e).__name__, e.errno, e.filename)
e = OSError(2, "x")
e.errno = 5
e.filename = "f"
print(e.errno, e.filename, str(e))
raise PermissionError(13, "Permission denied", "/secret")
