# logging: basicConfig, getLogger hierarchy, levels, handlers, formatters, filters
import logging
import sys

logging.warning("goes to stderr with the default format")
logging.info("not shown: root level is WARNING")
root = logging.getLogger()
print(root.level, root.getEffectiveLevel(), logging.getLevelName(root.level), root.name)
print(len(root.handlers), type(root.handlers[0]).__name__, root.handlers[0].stream is sys.stderr)

logging.basicConfig(level=logging.DEBUG, format="%(levelname)s|%(name)s|%(message)s", stream=sys.stdout, force=True)
logging.debug("debug %d", 1)
logging.info("info %s and %s", "a", "b")
logging.warning("warning")
logging.error("error %r", [1, 2])
logging.critical("critical")
logging.log(logging.INFO, "via log(%s)", "INFO")

log = logging.getLogger("train")
log.info("epoch %d loss %.4f", 3, 0.12345)
log.setLevel(logging.WARNING)
log.info("hidden")
log.warning("shown")
print(log.getEffectiveLevel(), log.isEnabledFor(logging.INFO), log.isEnabledFor(logging.ERROR))
child = logging.getLogger("train.data")
print(child.parent is log, child.getEffectiveLevel(), logging.getLogger("train") is log, child.name)
child.warning("from child")
child.propagate = False
child.warning("not propagated, no handlers: goes to the last resort on stderr")
child.propagate = True

fmt = logging.Formatter("[%(levelname)-8s] %(name)s: %(message)s (%(levelno)d %(funcName)s)")
h = logging.StreamHandler(sys.stdout)
h.setFormatter(fmt)
h.setLevel(logging.ERROR)
model_log = logging.getLogger("model")
model_log.addHandler(h)
model_log.propagate = False
model_log.setLevel(logging.DEBUG)


def step():
    model_log.error("bad step %d", 7)
    model_log.info("handler level filters this out")


step()
model_log.critical("crit")
model_log.removeHandler(h)

brace = logging.StreamHandler(sys.stdout)
brace.setFormatter(logging.Formatter("{levelname}:{message}", style="{"))
bl = logging.getLogger("brace")
bl.addHandler(brace)
bl.propagate = False
bl.warning("brace style %s", "works")


class OnlyEven(logging.Filter):
    def filter(self, record):
        return record.args[0] % 2 == 0


fl = logging.getLogger("filtered")
fl.addFilter(OnlyEven())
for i in range(4):
    fl.warning("value %d", i)
nf = logging.getLogger("ns.sub")
nf.addFilter(logging.Filter("ns"))
nf.warning("name filter passes")
nf.addFilter(logging.Filter("other"))
nf.warning("name filter blocks")

xl = logging.getLogger("extra")
xh = logging.StreamHandler(sys.stdout)
xh.setFormatter(logging.Formatter("%(message)s user=%(user)s"))
xl.addHandler(xh)
xl.propagate = False
xl.warning("with extra", extra={"user": "alice"})
logging.warning("dict args: %(a)s %(b)s", {"a": 1, "b": 2})

path = "/tmp/_nabla_logging_test.log"
logging.basicConfig(filename=path, filemode="w", level=logging.INFO, format="%(name)s - %(levelname)s - %(message)s", force=True)
logging.info("to file")
logging.getLogger("app").error("app error")
logging.debug("not written")
logging.shutdown()
with open(path) as f:
    print(f.read(), end="")

logging.basicConfig(stream=sys.stdout, force=True)
logging.warning("default format again")
logging.basicConfig(stream=sys.stdout, format="ignored because root has handlers")
logging.warning("still default")

print(logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR, logging.CRITICAL, logging.NOTSET, logging.WARN, logging.FATAL)
print(logging.getLevelName(10), logging.getLevelName("ERROR"), logging.getLevelName(35))
root.setLevel("INFO")
print(root.level)
for bad in ["LOUD", 1.5]:
    try:
        root.setLevel(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for kwargs in [dict(stream=sys.stdout, filename="x.log", force=True), dict(bogus=1, force=True)]:
    try:
        logging.basicConfig(**kwargs)
    except ValueError as e:
        print(type(e).__name__, e)


class ShortExc(logging.Formatter):
    def formatException(self, ei):
        return "%s: %s" % (ei[0].__name__, ei[1])


eh = logging.StreamHandler(sys.stdout)
eh.setFormatter(ShortExc("%(levelname)s:%(name)s:%(message)s"))
logging.basicConfig(handlers=[eh], force=True, level=logging.INFO)
try:
    1 / 0
except ZeroDivisionError:
    logging.getLogger("exc").exception("failed")
try:
    {}["k"]
except KeyError as e:
    logging.error("caught %r", e, exc_info=True)
logging.disable(logging.WARNING)
logging.warning("disabled")
logging.error("error still passes")
logging.disable(logging.NOTSET)
r = logging.LogRecord("rec", logging.INFO, "/path/to/file.py", 42, "hello %s", ("world",), None)
print(r.getMessage(), r.levelname, r.filename, r.module, r.lineno, r.name)
print(logging.Formatter("%(name)s:%(lineno)d:%(message)s").format(r))
print(repr(logging.getLogger("train")), repr(root))
