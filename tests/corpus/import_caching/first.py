print("first: importing shared")
import shared
shared.register("first")
