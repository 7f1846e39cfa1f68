s = "tab\there\nnew line \\ backslash \' \" \a\b\f\v\r"
codes = "\x41 \u00e9 \U0001F600 \101 \0"
kept = "unknown escapes keep their backslash: \d"
print(s, codes, kept)
