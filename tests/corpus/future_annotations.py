"""from __future__ import annotations: annotations kept as text (PEP 563), never evaluated."""
from __future__ import annotations
from __future__ import generator_stop, division as div
import __future__


def f(a: int, b: List[int] = None, *args: str, c: "x" = 1, d: 'it"s' = 2, **kw: dict[str, int]) -> Optional[Foo]:
    return a


print(f.__annotations__)
print(f(3))


class C:
    x: int
    y: Undefined[1, 2] = 3
    z: a.b.c | None
    w: (int, str)
    v: [int, ...]
    u: ...
    t: Callable[[int], str]
    s: tuple[()]
    r: Dict[str,int]
    q: "a\nb"


print(C.__annotations__, C.y)
x: NotDefined = 5
print(__annotations__, x)
print(annotations, div)
print(__future__.all_feature_names)
print(__future__.annotations.getOptionalRelease(), __future__.annotations.getMandatoryRelease())
print(__future__.generator_stop, __future__.CO_FUTURE_ANNOTATIONS)
for src in [
    "x = 1\nfrom __future__ import annotations\n",
    "from __future__ import braces\n",
    "from __future__ import spam\n",
    "from __future__ import annotations, nonsense\n",
    "def g():\n    from __future__ import division\n",
    "'''doc'''\nfrom __future__ import annotations\nfrom __future__ import division\nx: y = 1\nprint(__annotations__)\n",
]:
    try:
        exec(compile(src, "<src>", "exec"), {})
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno)
