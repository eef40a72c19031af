# import, from-import, import-as and __name__ of the main script vs a module.
print("main starts, __name__ =", __name__)
import helper
print("after import helper")
from helper import greet, VERSION
import helper as h
print(greet("world"), VERSION, h.VERSION, h is helper, h.greet is greet)
print(helper.__name__, helper.square(12), h.describe())
from helper import square as sq
print(sq(5), sq is helper.square)
helper.VERSION = "2.0"
print(VERSION, helper.VERSION, h.VERSION)
