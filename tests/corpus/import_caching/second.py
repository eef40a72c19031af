print("second: importing shared")
import shared
shared.register("second")
def get_all():
    return list(shared.registry)
