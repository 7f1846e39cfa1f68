from collections import namedtuple, deque, OrderedDict, defaultdict, Counter, ChainMap
import collections

# --- namedtuple
Point = namedtuple('Point', ['x', 'y'])
p = Point(1, 2)
q = Point(y=5, x=3)
print(p, q, repr(p), p.x, p.y, p[0], p[-1], p[:1], len(p))
x, y = p
print(x, y, list(p), tuple(q), sum(p), 1 in p, 9 in p)
print(p == Point(1, 2), p == (1, 2), p != (1, 3), p < q, hash(p) == hash((1, 2)), p + (7,))
print(Point._fields, p._asdict(), p._replace(y=20), Point._make([8, 9]), p.count(1), p.index(2))
Color = namedtuple('Color', 'red green blue', defaults=[0, 255])
print(Color(1), Color(1, 2), Color(1, 2, 3), Color._field_defaults, Color.__name__)
Rec = namedtuple('Rec', 'id, name')
print(Rec(1, 'a'), Rec._fields)
R2 = namedtuple('R2', ['ok', 'def', 'ok', '_p', '2x'], rename=True)
print(R2._fields, R2(1, 2, 3, 4, 5))
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))

class Pixel(namedtuple('PixelBase', 'x y color')):
    def brightness(self):
        return sum(self.color) / 3

px = Pixel(1, 2, (30, 60, 90))
print(px, px.brightness(), px._replace(x=9))
for bad in (lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, z=2), lambda: Point(1, 2, x=1),
            lambda: Point._make([1]), lambda: p._replace(z=1), lambda: namedtuple('T', 'a a'),
            lambda: namedtuple('T', 'a _b'), lambda: namedtuple('T', 'a class'), lambda: namedtuple('T', 'a 1b'),
            lambda: namedtuple('T', 'a b', defaults=[1, 2, 3]), lambda: namedtuple('T', 'a b c')(1)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

# --- deque
dq = deque([1, 2, 3])
dq.append(4)
dq.appendleft(0)
print(dq, len(dq), dq[0], dq[-1], list(dq), 3 in dq)
print(dq.pop(), dq.popleft(), dq)
dq.extend([7, 8])
dq.extendleft('ab')
print(dq, dq.count(7), dq.index(7))
dq.rotate(2)
print(dq)
dq.rotate(-3)
print(dq)
dq.rotate(0)
dq.remove('a')
dq.insert(1, 'ins')
dq[0] = 'first'
del dq[2]
print(dq, list(reversed(dq)))
dq.reverse()
print(dq, dq == deque(list(dq)), dq == list(dq), bool(deque()), bool(dq))
last3 = deque(maxlen=3)
for i in range(6):
    last3.append(i)
print(last3, last3.maxlen, deque().maxlen)
last3.appendleft(-1)
print(last3)
last3.extend([10, 11])
print(last3, deque('abc', 2), deque([], maxlen=0), deque())
q2 = deque()
for i in range(100):
    q2.append(i)
    if i % 3 == 0:
        q2.popleft()
for i in range(50):
    q2.appendleft(-i)
print(len(q2), q2[0], q2[49], q2[50], q2[-1], sum(q2))
print(deque([1, 2]) + deque([3]), deque([1, 2]) * 2)
cp = dq.copy()
cp.clear()
print(cp, dq)
for bad in (lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[5], lambda: deque([1]).remove(2),
            lambda: deque([1], maxlen=-1), lambda: deque([1, 2]).index(3)):
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
# BFS with a deque
graph = {'a': ['b', 'c'], 'b': ['d'], 'c': ['d', 'e'], 'd': ['f'], 'e': ['f'], 'f': []}
seen, order, frontier = {'a'}, [], deque(['a'])
while frontier:
    node = frontier.popleft()
    order.append(node)
    for nxt in graph[node]:
        if nxt not in seen:
            seen.add(nxt)
            frontier.append(nxt)
print(order)

# --- OrderedDict
od = OrderedDict()
od['b'] = 1
od['a'] = 2
od['c'] = 3
print(od, list(od), list(od.keys()), od['a'], len(od), 'a' in od)
od.move_to_end('b')
print(od)
od.move_to_end('b', last=False)
print(od)
print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict(), OrderedDict([('x', 1), ('y', 2)]), OrderedDict(z=1))
o1 = OrderedDict([('a', 1), ('b', 2)])
o2 = OrderedDict([('b', 2), ('a', 1)])
print(o1 == o2, o1 == {'b': 2, 'a': 1}, o1 == OrderedDict([('a', 1), ('b', 2)]), o1 != o2)
for bad in (lambda: OrderedDict().popitem(), lambda: o1.move_to_end('zz')):
    try:
        bad()
    except KeyError as e:
        print(type(e).__name__, e)

# --- defaultdict
dd = defaultdict(list)
for k, v in [('a', 1), ('b', 2), ('a', 3)]:
    dd[k].append(v)
print(dd['a'], dd['b'], dd['c'], len(dd), sorted(dd.keys()), dd.get('zz'), 'zz' in dd)
counts = defaultdict(int)
for ch in 'hello world':
    counts[ch] += 1
print(counts['l'], counts['o'], counts['q'], dd.default_factory is list)
print(repr(defaultdict(None)), defaultdict(None, {'k': 1}))
nested = defaultdict(lambda: defaultdict(int))
nested['x']['y'] += 2
print(nested['x']['y'], nested['x']['z'])
dn = defaultdict(None)
try:
    dn['missing']
except KeyError as e:
    print(type(e).__name__, e)
try:
    defaultdict(5)
except TypeError as e:
    print(type(e).__name__, e)

# --- Counter
c = Counter('abracadabra')
print(c, c['a'], c['z'], len(c), c.most_common(2), c.most_common()[-1], c.total())
print(sorted(c.elements()), Counter(), Counter({'x': 2, 'y': 0}), Counter(cats=4, dogs=8))
c.update('aaz')
c.update({'b': 10})
print(c)
c.subtract({'b': 20, 'q': 1})
c.subtract('a')
print(c)
c1 = Counter(a=3, b=1, c=0)
c2 = Counter(a=1, b=2, d=-1)
print(c1 + c2, c1 - c2, c1 | c2, c1 & c2, +c2, -c2)
c1 += Counter(b=5)
print(c1)
c1 -= Counter(a=10)
print(c1)
del c1['nope']
del c1['b']
print(c1, Counter('aab') == Counter('aba'), Counter(a=1) == Counter(a=1, b=0), Counter(a=1) == {'a': 1}, Counter(a=1) == {'a': 2})
words = 'the quick the lazy the end quick'.split()
print(Counter(words).most_common(1), [w for w, n in Counter(words).most_common() if n > 1])
try:
    Counter.fromkeys('abc')
except NotImplementedError as e:
    print(type(e).__name__, e)

# --- ChainMap
defaults = {'color': 'red', 'user': 'guest'}
env = {'user': 'admin'}
cm = ChainMap(env, defaults)
print(cm['user'], cm['color'], len(cm), list(cm), cm.get('x', 'dflt'), 'color' in cm)
cm['color'] = 'blue'
print(cm, env, defaults)
child = cm.new_child({'user': 'root'})
print(child['user'], child.parents['user'], child.maps[-1] is defaults, dict(child.items()))
del cm['color']
print(cm['color'], ChainMap(), sorted(cm.values()))
try:
    del cm['color']
except KeyError as e:
    print(type(e).__name__, e)
try:
    cm['nothing']
except KeyError as e:
    print(type(e).__name__, e)
print(isinstance(Counter(), dict), isinstance(OrderedDict(), dict), collections.Counter is Counter)
d = {p: 'p'}
print(d[Point(1, 2)], Point(1, 2) in {Point(1, 2)}, (1, 2) == Point(1, 2))
