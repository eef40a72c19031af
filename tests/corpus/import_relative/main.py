# Relative imports within a package: from . import x, from .x import y.
from app import core
print(core.run())
import app
print(app.util.helper(2), app.VERSION)
from app.util import CALLS
print(CALLS)
