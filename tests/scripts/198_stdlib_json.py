# json: dumps/dump options, loads/load parsing and error messages
import json

data = {"name": "nabla", "version": 3, "ratio": 0.1, "ok": True, "none": None,
        "list": [1, 2.5, -3, "x", False], "nested": {"b": [], "a": {}}, "t": (1, 2)}
print(json.dumps(data))
print(json.dumps(data, sort_keys=True))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps([1, [2, [3, {}]], {"k": [4]}], indent="\t"))
print(json.dumps(data, separators=(",", ":"), sort_keys=True))
print(json.dumps({"a": 1}, indent=0))
print(json.dumps("quote\" back\\ nl\n tab\t cr\r bell\x07 e\u00e9 snow\u2603 emoji\U0001F600"))
print(json.dumps("caf\u00e9 \U0001F600 \x01", ensure_ascii=False))
print(json.dumps({1: "int", 2.5: "float", True: "t", False: "f", None: "n"}))
print(json.dumps([float("nan"), float("inf"), -float("inf"), 1e100, 1.5e-7, -0.0, 10**15]))
print(json.dumps(12), json.dumps(None), json.dumps("s"), json.dumps(2.0))
print(json.dumps({(1, 2): 3, "k": 4}, skipkeys=True))


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


print(json.dumps({"p": Point(1, 2)}, default=lambda o: {"x": o.x, "y": o.y}))
for bad, kw in [(Point(0, 0), {}), ({(1, 2): 3}, {}), ([float("nan")], {"allow_nan": False})]:
    try:
        json.dumps(bad, **kw)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

text = '{"a": [1, 2.0, -3e2, 4E-1, 0, -0, 1.25], "b": {"c": null, "d": true, "e": false},' \
       ' "s": "x\\ny\\t\\"q\\" \\u00e9 \\ud83d\\ude00 \\/", "big": 123456789012345}'
obj = json.loads(text)
print(obj)
print(sorted(obj.keys()), type(obj["a"][1]).__name__, type(obj["a"][0]).__name__)
print(json.loads(" [ ] "), json.loads("{ }"), json.loads('"plain"'), json.loads("  42 \n"))
print(json.loads("[NaN, Infinity, -Infinity]"))
print(json.loads('{"a": 1, "a": 2}'))
print(json.loads('[1.5, 2]', parse_float=lambda s: "F" + s, parse_int=lambda s: "I" + s))
print(json.loads('{"x": {"y": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=lambda ps: ps))
print(json.loads(json.dumps(data)) == json.loads(json.dumps(data, indent=4)))
round_trip = ["\u00e9\U0001F600", {"k": [None, True, 1.0, 1]}, -12345, 3.141592653589793]
print(json.loads(json.dumps(round_trip)) == round_trip)

bad_docs = ["", "  ", "{", '{"a"', '{"a":', '{"a":1', '{"a":1,}', '{"a" 1}', "[1,]", "[1 2]",
            '"abc', '"a\\x"', '"a\\u12"', '"a\nb"', "1 2", "01", "-", "1.", "tru", "[",
            "{1:2}", "\n\n  x", "nul", "[1,2", '{"a": [1, {"b": }]}']
for doc in bad_docs:
    try:
        json.loads(doc)
        print("no error", repr(doc))
    except json.JSONDecodeError as e:
        print(repr(doc), "->", e, "|", e.msg, e.pos, e.lineno, e.colno)
try:
    json.loads("\ufeff[]")
except json.JSONDecodeError as e:
    print("BOM ->", e)
try:
    json.loads("[")
except ValueError as e:
    print("ValueError caught:", type(e).__name__)
try:
    json.loads(12)
except TypeError as e:
    print(type(e).__name__, e)


class Sink:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)

    def read(self):
        return "".join(self.parts)


sink = Sink()
json.dump({"z": [1, 2], "a": "b"}, sink, indent=1, sort_keys=True)
print(sink.read())
print(json.load(sink))
