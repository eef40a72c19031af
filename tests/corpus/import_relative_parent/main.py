# Relative imports reaching the parent package: from ..a import b, from .. import a.
from app.sub import c
print(c.combined())
import app.sub.c
print(app.sub.c is c, app.a.b())
print(c.__name__, c.a_mod.__name__)
