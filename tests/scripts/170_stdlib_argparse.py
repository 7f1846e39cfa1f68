# argparse: parsing, Namespace, help/usage text, errors (stderr captured through sys.stderr)
import argparse
import sys


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)

    def text(self):
        return ''.join(self.parts)


def run(parser, args):
    """parse args; show the Namespace, or the exit code and what went to stderr"""
    saved = sys.stderr
    cap = Capture()
    sys.stderr = cap
    try:
        ns = parser.parse_args(args)
        sys.stderr = saved
        print('ok', ns)
        return ns
    except SystemExit as e:
        sys.stderr = saved
        print('exit', e.code)
        print(cap.text(), end='')
        return None


p = argparse.ArgumentParser(prog='train.py', description='Train a small model.',
                            epilog='Example: train.py data.csv --epochs 3')
p.add_argument('data', help='path to the training data')
p.add_argument('--lr', type=float, default=0.01, help='learning rate (default: %(default)s)')
p.add_argument('--batch-size', '-b', type=int, default=64, metavar='N', help='batch size')
p.add_argument('--epochs', type=int, default=10)
p.add_argument('--optimizer', choices=['sgd', 'adam'], default='sgd', help='one of %(choices)s')
p.add_argument('-v', '--verbose', action='count', default=0, help='more output')
p.add_argument('--no-cuda', action='store_true', help='disable CUDA')
p.add_argument('--shuffle', action='store_false', dest='keep_order')
p.add_argument('--layer', action='append', type=int, help='hidden layer width (repeatable)')
p.add_argument('--mode', action='store_const', const='fast', default='slow')
p.add_argument('--version', action='version', version='%(prog)s 1.2')

ns = run(p, ['data.csv'])
print(vars(ns))
print(ns.lr, ns.batch_size, ns.no_cuda, ns.keep_order, ns.layer)
ns = run(p, ['d.csv', '--lr', '0.5', '-b', '32', '-vvv', '--no-cuda', '--shuffle',
             '--layer', '8', '--layer=16', '--mode', '--optimizer', 'adam', '--epochs=3'])
print(ns.verbose, ns.layer, ns.mode, ns.optimizer)
run(p, ['-b16', 'x', '-v', '-v', '--batch', '8', '--ep', '2'])
run(p, ['--lr=1e-3', 'x', '--', '-notanoption'])
run(p, ['--help'])
run(p, ['-h'])
run(p, ['--version'])
run(p, [])
run(p, ['x', '--lr', 'fast'])
run(p, ['x', '--optimizer', 'rmsprop'])
run(p, ['x', '--epochs'])
run(p, ['x', 'y', '--bogus', '1'])
run(p, ['x', '--verbose=3'])
print(repr(p.format_usage()))
p.print_usage()

ns2, rest = p.parse_known_args(['x', '--unknown', '5', '--lr', '2', 'extra'])
print(ns2, rest)

# nargs, positionals, defaults, set_defaults, dest, metavar
q = argparse.ArgumentParser(prog='nargs')
q.add_argument('src', nargs='+', help='one or more sources')
q.add_argument('dst', help='destination')
q.add_argument('--pair', nargs=2, metavar=('KEY', 'VALUE'), help='a key and a value')
q.add_argument('--opt', nargs='?', const='C', default='D', help='optional value')
q.add_argument('--many', nargs='*', type=int, help='zero or more ints')
q.add_argument('--req', required=True, dest='needed', help='must be given')
q.add_argument('--ext', action='extend', nargs='+', type=str)
q.set_defaults(func='handler', lr=3)
print(q.get_default('func'), q.get_default('opt'))
run(q, ['a', 'b', 'c', '--req', 'r'])
run(q, ['a', '--req', 'r', '--opt', '--pair', 'k', 'v', 'b'])
run(q, ['a', 'b', '--req=r', '--opt', 'X', '--many', '--ext', 'e1', 'e2', '--ext', 'e3'])
run(q, ['a', 'b', '--req', 'r', '--many', '1', '2', '3'])
run(q, ['a', 'b', '--req', 'r', '--many', 'x'])
run(q, ['a', 'b', '--req', 'r', '--pair', 'k'])
run(q, ['a', 'b'])
run(q, ['a', '--req', 'r'])
run(q, ['-h'])

r = argparse.ArgumentParser(prog='pos')
r.add_argument('first')
r.add_argument('maybe', nargs='?', default='none')
r.add_argument('rest', nargs='*')
r.add_argument('--flag', action='store_true')
run(r, ['1'])
run(r, ['1', '2'])
run(r, ['1', '2', '3', '4', '--flag'])
run(r, ['1', '--flag', '2', '3'])
run(r, ['-5', '-2.5'])
run(r, ['--', '--flag'])
run(r, ['-h'])

# groups, mutually exclusive groups, formatter classes, no help
g = argparse.ArgumentParser(prog='groups', description='Group demo.\n\nSecond paragraph   with   spaces.',
                            formatter_class=argparse.ArgumentDefaultsHelpFormatter)
model = g.add_argument_group('model', 'Options that shape the model.')
model.add_argument('--hidden', type=int, default=128, help='hidden size')
model.add_argument('--dropout', type=float, default=0.1, help='dropout probability')
mx = g.add_mutually_exclusive_group()
mx.add_argument('--cpu', action='store_true', help='run on the CPU')
mx.add_argument('--gpu', type=int, metavar='ID', help='run on this GPU')
g.add_argument('--secret', help=argparse.SUPPRESS)
g.add_argument('inputs', nargs='*', default=['-'], help='input files')
run(g, ['--hidden', '64', 'a.txt'])
run(g, ['--cpu', '--gpu', '1'])
run(g, ['--gpu', '0', '--secret', 's'])
run(g, ['--help'])

m = argparse.ArgumentParser(prog='mx', add_help=False)
req = m.add_mutually_exclusive_group(required=True)
req.add_argument('--train', action='store_true')
req.add_argument('--eval', action='store_true')
m.add_argument('-q', action='store_true')
run(m, [])
run(m, ['--train', '-q'])
run(m, ['-h'])
print(m.format_help(), end='')

raw = argparse.ArgumentParser(prog='raw', formatter_class=argparse.RawDescriptionHelpFormatter,
                              description='Keep\n  this    layout\nexactly')
raw.add_argument('--x', help='an   option   with  long help text that certainly needs to wrap around the line because it is long')
print(raw.format_help(), end='')
raw2 = argparse.ArgumentParser(prog='raw2', formatter_class=argparse.RawTextHelpFormatter)
raw2.add_argument('--y', help='line one\n  line two')
print(raw2.format_help(), end='')

# long usage lines wrap
w = argparse.ArgumentParser(prog='a_rather_long_program_name_for_wrapping')
for name in ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta']:
    w.add_argument('--' + name, metavar=name.upper(), help='the %s parameter' % name)
w.add_argument('--a-very-long-option-name-that-does-not-fit', action='store_true',
               help='long invocation goes on its own line')
w.add_argument('positional_one')
w.add_argument('positional_two', nargs='+')
print(w.format_help(), end='')
w2 = argparse.ArgumentParser(prog='x' * 70)
w2.add_argument('--alpha')
w2.add_argument('--beta')
w2.add_argument('pos')
print(w2.format_usage(), end='')

# Namespace
n = argparse.Namespace(a=1, b='two')
print(n, n.a, 'a' in n, 'z' in n)
print(n == argparse.Namespace(a=1, b='two'), n == argparse.Namespace(a=1))
n.c = [3]
print(n, vars(n))
print(argparse.Namespace(**{'x-y': 1, 'ok': 2}))
print(argparse.Namespace())

# errors raised while building parsers
for make in [lambda: p.add_argument('--lr'),
             lambda: p.add_argument('pos', required=True),
             lambda: p.add_argument('--z', nargs=0),
             lambda: p.add_argument('--z', action='nope'),
             lambda: p.add_argument('z', dest='zz'),
             lambda: p.add_argument('--z', const=1)]:
    try:
        make()
    except (ValueError, TypeError, argparse.ArgumentError) as e:
        print(type(e).__name__, e)

def positive(text):
    v = int(text)
    if v <= 0:
        raise argparse.ArgumentTypeError('%r is not positive' % text)
    return v

t = argparse.ArgumentParser(prog='types')
t.add_argument('--n', type=positive)
t.add_argument('--f', type=lambda s: float(s) * 2)
t.add_argument('--s', type=str.upper, default='low')
t.add_argument('--d', type=int, default='7')
t.add_argument('--feature', action=argparse.BooleanOptionalAction, default=True, help='toggle')
run(t, ['--n', '3', '--f', '1.5', '--no-feature'])
run(t, ['--n', '-3'])
run(t, ['--n', 'x'])
run(t, ['--f', 'x'])
run(t, ['-h'])
print(t.parse_args([]).d, t.parse_args([]).s)
# sub-commands
top = argparse.ArgumentParser(prog='tool', description='A tool with commands.')
top.add_argument('--debug', action='store_true')
subs = top.add_subparsers(dest='command', help='what to do')
tr = subs.add_parser('train', help='train a model', aliases=['t'])
tr.add_argument('--epochs', type=int, default=1)
tr.add_argument('config')
ev = subs.add_parser('eval', help='evaluate a checkpoint')
ev.add_argument('checkpoint', nargs='?', default='last.pt')
subs.add_parser('info')
run(top, ['train', 'cfg.yaml', '--epochs', '5'])
run(top, ['--debug', 't', 'c.yaml'])
run(top, ['eval'])
run(top, ['info'])
run(top, [])
run(top, ['deploy'])
run(top, ['train'])
run(top, ['eval', 'x.pt', '--bogus'])
print(top.parse_known_args(['eval', 'x.pt', '--bogus', 'z']))
run(top, ['-h'])
run(top, ['train', '-h'])
top2 = argparse.ArgumentParser(prog='tool2')
cmds = top2.add_subparsers(title='commands', description='available commands', required=True,
                           metavar='CMD')
cmds.add_parser('go', help='go somewhere').add_argument('where')
cmds.add_parser('stop', help='stop')
run(top2, ['go', 'home'])
run(top2, [])
run(top2, ['--help'])

saved = sys.stderr
cap = Capture()
sys.stderr = cap
try:
    t.error('custom failure')
except SystemExit as e:
    print('exit', e.code)
try:
    t.exit(3, 'bye\n')
except SystemExit as e:
    print('exit', e.code)
sys.stderr = saved
print(cap.text(), end='')
print(argparse.ArgumentParser().prog)
