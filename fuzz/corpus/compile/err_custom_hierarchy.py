# A user exception hierarchy caught at different levels.
class AppError(Exception):
    def __init__(self, msg, code=1):
        super().__init__(msg)
        self.code = code
class NotFound(AppError):
    pass
class Forbidden(AppError):
    pass
def handler(kind):
    if kind == "nf":
        raise NotFound("no such item", 404)
    if kind == "fb":
        raise Forbidden("go away", 403)
    if kind == "app":
        raise AppError("generic")
    if kind == "val":
        raise ValueError("not an AppError")
    return "ok"
for kind in ["nf", "fb", "app", "val", "none"]:
    try:
        print(handler(kind))
    except NotFound as e:
        print("NotFound", e, e.code)
    except AppError as e:
        print(type(e).__name__, "as AppError", e, e.code)
    except Exception as e:
        print("other", type(e).__name__, e)
