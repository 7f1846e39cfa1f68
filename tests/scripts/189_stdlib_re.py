# re: matching, groups, findall/finditer, sub with templates and functions, split, flags,
# errors (CPython 3.11 is the oracle).
import re
print(re.sub('x*', '-', 'abxd'))
m = re.match(r"(\w+) (\w+)", "Isaac Newton, physicist")
print(m, m.group(0), m.group(1, 2), m.groups(), m.span(2), m.start(), m.end(1), m[2])
m = re.search(r"(?P<first>\w+) (?P<last>\w+)", "  Malcolm Reynolds")
print(m.groupdict(), m.group("last"), m.lastgroup, m.lastindex, m.span())
print(re.findall(r"\d+", "a1b22c333"), re.findall(r"(\w)=(\d)", "a=1, b=2"), re.findall(r"(\d)x", "1x 2x"))
print(re.split(r"\W+", "Words, words, words."), re.split(r"(\W+)", "Words, words, words."), re.split(r"\W+", "Words, words, words.", 1))
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "joe@site, ann@home"), re.sub(r"(?P<n>\d)", r"<\g<n>>", "a1b2"), re.subn("a", "b", "aaa", count=2))
print(re.sub(r"\d", lambda m: str(int(m.group()) * 2), "a1b2c9"))
p = re.compile(r"^\s*(\w+)\s*=\s*(.*)$", re.M)
print(p, p.pattern, p.groups, p.findall("a = 1\n b= two \nc=3"))
print(re.compile("ab", re.I | re.S), re.match("AB", "ab", re.I) is not None, re.fullmatch(r"\d+", "123"), re.fullmatch(r"\d+", "123a"))
print([m.span() for m in re.finditer(r"o", "foo boo")], re.escape("a.b*c?"), re.match("b", "abc"), re.search("b", "abc").span())
try:
    re.compile("(a")
except re.error as e:
    print("error", type(e).__name__)
print(re.sub(r"\s+", " ", "  héllo   wörld  ").strip(), re.search(r"ö", "héllo wörld").span())
print(re.compile(r"\d").sub("#", "a1b2", 1), re.compile(r",").split("a,b,,c"))
print(re.findall(r"\bcat\b", "cat concat cat."), re.findall(r"a|", "aba"))
print(re.match(r"(a)|(b)", "b").groups(), re.match(r"(a)|(b)", "b").groups("-"), re.match(r"(\d+)\.(\d+)", "3.14").group(1, 2))
# A tokenizer, as data-prep code writes one.
tok = re.compile(r"[A-Za-z]+|\d+|[^\sA-Za-z\d]")
print(tok.findall("Hello, world! 42 times."), re.sub(r"[^a-z ]", "", "Héllo, World!".lower()))
lines = ["epoch 1 loss 0.532", "epoch 2 loss 0.417", "noise"]
pat = re.compile(r"epoch (\d+) loss ([\d.]+)")
print([(int(m.group(1)), float(m.group(2))) for m in map(pat.match, lines) if m])
print(bool(re.match(r"^[\w.+-]+@[\w-]+\.[\w.]+$", "a.b+c@ex-ample.co.uk")), re.split(r"[;,]\s*", "a; b,c ,d"))
print(re.search(r"(\d{4})-(\d{2})-(\d{2})", "on 2024-01-05.").expand(r"\3/\2/\1"), re.sub(r"(?i)HELLO", "bye", "Hello hello"))
