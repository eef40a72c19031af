# difftest known divergence "str_casefold": str.casefold() does full Unicode case folding in
# CPython ('ß' -> 'ss', 'ﬁ' -> 'fi', final sigma...); Frostbyte's is str.lower().
print('ÄÖü straße'.casefold())
print('ﬁ'.casefold(), 'ς'.casefold(), 'ΣΑΣ'.casefold(), 'µ'.casefold())
print('Straße'.casefold() == 'STRASSE'.casefold())
