# Huge widths and precisions in %-formatting, format() and str.format: CPython's limits
# (a C int precision for floats and %-formatting, a Py_ssize_t width) raise at once.


def attempt(label, f):
    try:
        r = f()
    except (ValueError, OverflowError, TypeError, IndexError, KeyError) as e:
        print(label, type(e).__name__, e)
    else:
        print(label, "ok", len(r))


attempt("%.2147483648f", lambda: "%.2147483648f" % 1.0)
attempt("%.99999999999s", lambda: "%.99999999999s" % "a")
attempt("%.99999999999999999999d", lambda: "%.99999999999999999999d" % 1)
attempt("%99999999999999999999d", lambda: "%99999999999999999999d" % 1)
attempt("%.*f 2**62", lambda: "%.*f" % (2**62, 1.0))
attempt("%.*f 2**31", lambda: "%.*f" % (2**31, 1.0))
attempt("%.*f -2**31-1", lambda: "%.*f" % (-2**31 - 1, 1.0))
attempt("%*d 2**63", lambda: "%*d" % (2**63, 1))
attempt("%*d -2**64", lambda: "%*d" % (-2**64, 1))
attempt("%*d str", lambda: "%*d" % ("a", 1))
attempt("%.*f -5", lambda: "%.*f" % (-5, 1.5))
attempt("%*d -5", lambda: "%*d|" % (-5, 1))
attempt("format .2147483648f", lambda: format(1.0, ".2147483648f"))
attempt("format .2147483648e", lambda: format(1.0, ".2147483648e"))
attempt("format .2147483648%", lambda: format(1.0, ".2147483648%"))
attempt("format .2147483648", lambda: format(1.0, ".2147483648"))
attempt("format .2147483648s", lambda: format("ab", ".2147483648s"))
attempt("format int .2147483648", lambda: format(1, ".2147483648"))
attempt("format .99999999999999999999f", lambda: format(1.0, ".99999999999999999999f"))
attempt("format 99999999999999999999", lambda: format(1.0, "99999999999999999999"))
attempt("str.format precision", lambda: "{:.2147483648f}".format(1.0))
attempt("f-string precision", lambda: f"{1.0:.2147483648f}")
p = 2147483648
attempt("f-string nested precision", lambda: f"{1.0:.{p}f}")
attempt("field 2**64", lambda: "{99999999999999999999}".format(1))
attempt("index 2**64", lambda: "{0[99999999999999999999]}".format([1]))
attempt("index 2**31", lambda: "{0[2147483648]}".format([1]))
attempt("index -1", lambda: "{0[-1]}".format({"-1": "neg"}))
attempt("index +1", lambda: "{0[+1]}".format({"+1": "plus"}))
attempt("field +0", lambda: "{+0}".format(1))
attempt("small ok", lambda: "%.3f|%5d|{:>6.2f}".format(2.5) % (1.0, 7))
