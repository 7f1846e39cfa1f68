# csv: reader/writer quoting rules, dialects, DictReader/DictWriter
import csv
import io
import os

s = io.StringIO()
w = csv.writer(s)
print(w.writerow(["name", "value", "note"]))
w.writerow(["a", 1, "plain"])
w.writerow(["b,c", 2.5, 'say "hi"'])
w.writerow(["multi\nline", None, ""])
w.writerow([True, -3, " spaced "])
w.writerows([["x"], [""], [], ["p", "q"]])
print(repr(s.getvalue()))
rows = list(csv.reader(io.StringIO(s.getvalue())))
print(rows)

for quoting in [csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_MINIMAL]:
    s = io.StringIO()
    csv.writer(s, quoting=quoting, lineterminator="\n").writerow(["t", 1, 2.5, None, True, "a,b"])
    print(quoting, repr(s.getvalue()))
s = io.StringIO()
wn = csv.writer(s, lineterminator="\n")
print(wn.writerow(["a\rb", "c\nd", "e"]), wn.writerow([""]), wn.writerow([None]), wn.writerow([]))
print(repr(s.getvalue()))
for kw in [dict(quoting=csv.QUOTE_NONE), dict(quoting=csv.QUOTE_NONE, escapechar="\\"),
           dict(doublequote=False), dict(doublequote=False, escapechar="\\"), dict(delimiter=";", quotechar="'")]:
    s = io.StringIO()
    try:
        csv.writer(s, **kw).writerow(["a,b", 'q"x', "n\nl", "s;t'u"])
        print(kw, repr(s.getvalue()))
    except csv.Error as e:
        print(kw, "Error", e)
try:
    csv.writer(io.StringIO()).writerow(5)
except csv.Error as e:
    print("Error", e)
try:
    csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow([""])
except csv.Error as e:
    print("Error", e)
for kw in [dict(delimiter="ab"), dict(delimiter=5), dict(quoting=9), dict(lineterminator=5)]:
    try:
        csv.writer(io.StringIO(), **kw)
    except TypeError as e:
        print(type(e).__name__, e)

print(list(csv.reader(['a,"b\nc""d",e\n', "\n", "x\n", '"unterminated'])))
print(list(csv.reader(["a, b,  c\n"], skipinitialspace=True)), list(csv.reader(["a, b\n"])))
print(list(csv.reader(["a;b;'c;d'\r\n"], delimiter=";", quotechar="'")))
print(list(csv.reader(["a\tb\n"], dialect="excel-tab")), list(csv.reader(["a\\,b,c\n"], escapechar="\\")))
print(list(csv.reader(['"a"x,b\n'])), list(csv.reader(["1,\"2\",3\n", "4,,x y\n"][:1], quoting=csv.QUOTE_NONNUMERIC)))
print(list(csv.reader(["1,,3\n"], quoting=csv.QUOTE_NONNUMERIC)), list(csv.reader(['a,"b,c"'], quoting=csv.QUOTE_NONE)))
for lines, kw in [(["a\rb\n"], {}), (['"a"x,b\n'], {"strict": True}), (['"a'], {"strict": True}),
                  (["x,y\n"], {"quoting": csv.QUOTE_NONNUMERIC})]:
    try:
        print(list(csv.reader(lines, **kw)))
    except (csv.Error, ValueError) as e:
        print(type(e).__name__, e)
r = csv.reader(["a\n", '"b\n', 'c"\n', "d\n"])
for row in r:
    print(row, r.line_num)
print(r.dialect.delimiter, csv.list_dialects())

csv.register_dialect("pipes", delimiter="|", quoting=csv.QUOTE_ALL, lineterminator="\n")
s = io.StringIO()
csv.writer(s, dialect="pipes").writerow(["a", "b|c"])
print(repr(s.getvalue()), list(csv.reader(io.StringIO(s.getvalue()), "pipes")))
print(csv.get_dialect("pipes").delimiter, "pipes" in csv.list_dialects())
csv.unregister_dialect("pipes")
try:
    csv.get_dialect("pipes")
except csv.Error as e:
    print("Error", e)


class Semi(csv.excel):
    delimiter = ";"
    lineterminator = "\n"


s = io.StringIO()
csv.writer(s, Semi).writerow(["x;y", "z"])
print(repr(s.getvalue()))

s = io.StringIO()
dw = csv.DictWriter(s, fieldnames=["id", "name", "score"])
print(dw.writeheader())
dw.writerow({"id": 1, "name": "ann", "score": 9.5})
dw.writerow({"id": 2, "name": "bob, jr"})
dw.writerows([{"name": "cy", "id": 3, "score": 7}])
try:
    dw.writerow({"id": 4, "extra": 1})
except ValueError as e:
    print(type(e).__name__, e)
csv.DictWriter(s, ["id"], extrasaction="ignore").writerow({"id": 5, "extra": 1})
print(repr(s.getvalue()))
try:
    csv.DictWriter(s, ["id"], extrasaction="bad")
except ValueError as e:
    print(type(e).__name__, e)

dr = csv.DictReader(io.StringIO(s.getvalue()))
print(dr.fieldnames)
for row in dr:
    print(row, dr.line_num)
dr = csv.DictReader(["1,2,3,4\n", "\n", "5\n"], fieldnames=["a", "b", "c"], restkey="rest", restval="?")
print(list(dr))
print(list(csv.DictReader([])), csv.DictReader([]).fieldnames)

path = "_t196_tmp.csv"
with open(path, "w") as f:
    writer = csv.writer(f)
    writer.writerow(["k", "v"])
    writer.writerows([[i, i * i] for i in range(4)])
with open(path) as f:
    print(list(csv.reader(f)))
with open(path) as f:
    print([dict(r) for r in csv.DictReader(f)])
os.remove(path)
