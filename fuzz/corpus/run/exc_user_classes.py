# User-defined exception classes with args, custom __init__ and __str__.
class MyError(Exception):
    pass
class ValidationError(MyError):
    def __init__(self, field, msg):
        super().__init__(field, msg)
        self.field = field
        self.msg = msg
    def __str__(self):
        return f"{self.field}: {self.msg}"
try:
    raise MyError("plain", 42)
except MyError as e:
    print(type(e).__name__, e, e.args, repr(e))
try:
    raise ValidationError("age", "must be positive")
except MyError as e:
    print(type(e).__name__, e, e.args, e.field, isinstance(e, Exception))
e0 = MyError()
e1 = MyError("one")
print(repr(e0), str(e0) == "", repr(e1), str(e1), e1.args)
print(isinstance(ValidationError("a", "b"), MyError), issubclass(ValidationError, Exception))
class WithDefault(Exception):
    def __init__(self, code=500):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise WithDefault
except WithDefault as e:
    print(e, e.code)
