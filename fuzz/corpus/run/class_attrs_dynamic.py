# getattr/setattr/hasattr on instances and classes.
class Config:
    debug = False
    def __init__(self):
        self.level = 1
cfg = Config()
print(getattr(cfg, "level"), getattr(cfg, "debug"), getattr(cfg, "nope", "default"))
setattr(cfg, "level", 5)
setattr(cfg, "new_attr", [1])
print(cfg.level, cfg.new_attr, hasattr(cfg, "new_attr"), hasattr(cfg, "zzz"))
for name in ["level", "debug", "missing"]:
    print(name, hasattr(cfg, name), getattr(cfg, name, None))
setattr(Config, "debug", True)
print(cfg.debug, Config().debug)
method = getattr("hello", "upper")
print(method())
print(getattr([], "append") is not None, callable(getattr(cfg, "__init__")))
