# An uncaught exception defined in and raised from another module.
import errors
import worker
try:
    worker.process([1, 2])
except errors.ProcessingError as e:
    print("caught", type(e).__name__, e)
worker.process([1, -2, 3])
