print("app.sub.c loaded")
from ..a import b
from .. import a as a_mod
from . import sibling
def combined():
    return b() + " | " + sibling.NAME + " | " + a_mod.b()
