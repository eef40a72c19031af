# AttributeError on builtins, None, instances and classes.
class Thing:
    def __init__(self):
        self.present = 1
def show(fn):
    try:
        fn()
    except AttributeError as e:
        print("AttributeError:", e)
show(lambda: (5).nope)
show(lambda: None.nope)
show(lambda: "s".nope)
show(lambda: [].nope)
show(lambda: Thing().absent)
show(lambda: Thing.absent)
t = Thing()
print(t.present, getattr(t, "absent", "default"), hasattr(t, "absent"))
def del_missing():
    del t.absent
show(del_missing)
del t.present
show(lambda: t.present)
