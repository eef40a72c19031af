"""Delta debugging of a divergent program.

`minimize(source, diverges)` returns a smaller program for which `diverges(program)` is still
true. It works on the syntax tree (ast; candidates are printed back with ast.unparse):
1. ddmin over every statement list (module, function and class bodies, loop/if/try blocks,
   except handlers); an emptied block becomes `pass`;
2. compound statements are replaced by their body (`if`, `for`, `while`, `try`);
3. expressions are replaced by one of their sub-expressions (`a + b` -> `a`);
repeated until nothing changes. If the unparsed program no longer diverges (ast.unparse is not
an exact round trip), plain ddmin over source lines is used instead. The number of candidate
runs is bounded (`budget`) so a finding is never minimised for long.
"""

import ast
import copy
import time
import warnings


class _Budget(Exception):
    pass


class _Tester:
    def __init__(self, diverges, budget, seconds):
        self.diverges = diverges
        self.cache = {}
        self.left = budget
        self.deadline = time.monotonic() + seconds

    def __call__(self, source):
        if source in self.cache:
            return self.cache[source]
        if self.left <= 0 or time.monotonic() > self.deadline:
            raise _Budget()
        self.left -= 1
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # e.g. "'str' object is not callable"
                compile(source, "prog.py", "exec")
        except (SyntaxError, ValueError):
            self.cache[source] = False
            return False
        r = bool(self.diverges(source))
        self.cache[source] = r
        return r


def ddmin(items, test):
    """Smallest sublist (1-minimal up to chunking) of `items` with test(sublist) true."""
    n = 2
    while items:
        if len(items) == 1:
            return [] if test([]) else items
        chunk = -(-len(items) // n)
        for start in range(0, len(items), chunk):
            cand = items[:start] + items[start + chunk:]
            if test(cand):
                items = cand
                n = max(n - 1, 2)
                break
        else:
            if n >= len(items):
                return items
            n = min(len(items), n * 2)
    return items


def _stmt_lists(tree):
    out = []
    for node in ast.walk(tree):
        for field in ("body", "orelse", "finalbody"):
            lst = getattr(node, field, None)
            if isinstance(lst, list) and lst and isinstance(lst[0], ast.stmt):
                out.append((node, field))
    return out


def _source(tree):
    try:
        return ast.unparse(ast.fix_missing_locations(tree)) + "\n"
    except Exception:  # a candidate ast.unparse cannot print: never accepted
        return "\x00"


def _shrink_lists(tree, test):
    changed = False
    for node, field in _stmt_lists(tree):
        orig = getattr(node, field)
        if not orig:
            continue

        def t(sub, node=node, field=field):
            setattr(node, field, sub if sub or isinstance(node, ast.Module) else [ast.Pass()])
            return test(_source(tree))

        best = ddmin(list(orig), t)
        best = best if best or isinstance(node, ast.Module) else [ast.Pass()]
        setattr(node, field, best)
        if len(best) != len(orig):
            changed = True
    return changed


def _hoist(tree, test):
    changed = False
    for node, field in _stmt_lists(tree):
        i = 0
        while i < len(getattr(node, field)):
            lst = getattr(node, field)
            s = lst[i]
            repls = []
            if isinstance(s, (ast.If, ast.For, ast.While)):
                repls = [s.body] + ([s.orelse] if s.orelse else [])
            elif isinstance(s, ast.Try):
                repls = [s.body + s.finalbody, s.body]
            for r in repls:
                cand = lst[:i] + r + lst[i + 1:]
                setattr(node, field, cand)
                if test(_source(tree)):
                    changed = True
                    break
                setattr(node, field, lst)
            i += 1
    return changed


def _simplify_exprs(tree, test):
    """Replace an expression by one of its sub-expressions, outermost first."""
    changed = False
    progress = True
    while progress:
        progress = False
        for parent in list(ast.walk(tree)):
            for field, value in ast.iter_fields(parent):
                slots = [(value, None)] if isinstance(value, ast.expr) else (
                    [(v, k) for k, v in enumerate(value) if isinstance(v, ast.expr)]
                    if isinstance(value, list) else [])
                for expr, idx in slots:
                    if isinstance(expr, (ast.Name, ast.Constant, ast.Lambda, ast.JoinedStr,
                                         ast.FormattedValue)):
                        continue
                    if isinstance(parent, (ast.Assign, ast.AugAssign, ast.For)) and field == "target":
                        continue
                    for child in ast.iter_child_nodes(expr):
                        if not isinstance(child, ast.expr) or isinstance(child, ast.Starred):
                            continue
                        if isinstance(expr, ast.Call) and child is expr.func:
                            continue
                        repl = copy.deepcopy(child)
                        if idx is None:
                            setattr(parent, field, repl)
                        else:
                            value[idx] = repl
                        if test(_source(tree)):
                            changed = progress = True
                            break
                        if idx is None:
                            setattr(parent, field, expr)
                        else:
                            value[idx] = expr
                    if progress:
                        break
                if progress:
                    break
            if progress:
                break
    return changed


def _lines(source, test):
    lines = source.splitlines(True)
    best = ddmin(lines, lambda sub: test("".join(sub)))
    return "".join(best)


def minimize(source, diverges, budget=600, seconds=120):
    """A smaller program than `source` for which `diverges` still holds."""
    test = _Tester(diverges, budget, seconds)
    best = source
    try:
        tree = ast.parse(source)
        if not test(_source(tree)):
            return _lines(source, test)
        best = _source(tree)
        while True:
            changed = _shrink_lists(tree, test)
            best = _source(tree)
            changed |= _hoist(tree, test)
            best = _source(tree)
            changed |= _simplify_exprs(tree, test)
            best = _source(tree)
            if not changed:
                break
    except _Budget:
        # The tree may hold an untested candidate: fall back to the last verified source.
        verified = [s for s, ok in test.cache.items() if ok]
        if verified:
            best = min(verified, key=len)
    return best
