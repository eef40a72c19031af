"""The import-cost benchmark's package (tools/heap32 measures `import ctl`), exercised."""

import ctl
from ctl import Vec2, Pid, Ring, Frame
from ctl.vec import dist, lerp
from ctl.pid import settle
from ctl.ring import median
from ctl.codec import encode_all, split_stream

a, b = Vec2(3, 4), Vec2(1, 1)
print(a + b, a - b, a.length(), a.normalized(), dist(a, b), lerp(1, 3, 0.25))
print(ctl.clamp(7, 0, 5), ctl.VERSION)
pid = Pid(1.2, 0.5, 0.05, lo=-2, hi=2)
print(settle(pid, 1.0, 8))
pid.tune(kd=0.0)
pid.reset()
print(settle(pid, -0.5, 5, dt=0.2))
r = Ring(4)
for x in [5, 1, 4, 2, 8, 3]:
    r.push(x)
print(r.items(), len(r), r.last(), ctl.mean(r.items()), ctl.spread(r.items()), median(r.items()))
r.clear()
print(r.items(), r.last())
frames = [Frame(1, "temp=21.5"), Frame(2, "a:b:c"), Frame(30, "")]
text = encode_all(frames)
print(text)
print(split_stream(text) == frames, ctl.decode(ctl.encode(frames[1])))
link = ctl.codec.Link("uart0")
print([link.receive(l) for l in ["1:2:ok:" + "%04x" % ctl.checksum("1:2:ok"), "junk", "9:1:x:ffff"]], link.bad)
for bad in ["1:3:ab", "2:2:hi:0000"]:
    try:
        ctl.decode(bad)
    except ValueError as e:
        print("ValueError:", e, "| cause:", type(e.__cause__).__name__)
