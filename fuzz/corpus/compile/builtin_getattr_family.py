# getattr, setattr, hasattr with defaults and dynamic names.
class Obj:
    cls_attr = "class-level"
    def method(self):
        return "method result"
o = Obj()
for name in ["cls_attr", "method", "nope"]:
    print(name, hasattr(o, name))
print(getattr(o, "cls_attr"), getattr(o, "nope", None), getattr(o, "method")())
for i in range(3):
    setattr(o, "field" + str(i), i * i)
print(o.field0, o.field1, o.field2, getattr(o, "field2"))
setattr(o, "cls_attr", "shadowed")
print(o.cls_attr, Obj.cls_attr)
print(getattr("abc", "upper")(), hasattr([], "append"), hasattr(3, "append"))
try:
    getattr(o, "missing")
except AttributeError as e:
    print("AttributeError", e)
