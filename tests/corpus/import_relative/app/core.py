print("app.core loaded as", __name__)
from . import util
from .util import helper
from . import VERSION
def run():
    return [util.helper(1), helper(10), VERSION, util.__name__]
