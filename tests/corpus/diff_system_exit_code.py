# Found by tools/difftest: an uncaught SystemExit(int) ends the program silently with that
# exit status (SystemExit(None) and sys.exit() with 0).
print('start')
raise SystemExit(4)
