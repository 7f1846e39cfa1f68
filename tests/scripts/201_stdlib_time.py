# time: struct_time, gmtime, strftime, asctime, and TZ-independent facts about the local-time functions.
import time

T = 1700000000.5
g = time.gmtime(T)
print(g)
print(g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec, g.tm_wday, g.tm_yday, g.tm_isdst)
print(g.tm_zone, g.tm_gmtoff, len(g), g[0], g[-1], g[1:3], list(g)[:4], tuple(g))
print(g == tuple(g), g == time.gmtime(1700000000), g < time.gmtime(T + 1), hash(g) == hash(tuple(g)))
print(time.gmtime(0))
print(time.gmtime(-1.5))
print(time.gmtime(951782400))        # 2000-02-29
print(time.gmtime(4102444800))       # 2100-01-01
print(time.gmtime(-2208988800))      # 1900-01-01
print(time.gmtime(253402300799))     # 9999-12-31 23:59:59
for s in [0, 86399, 1700000000, 1709164800, 1735603200, 1230768000]:
    print(time.strftime("%Y-%m-%d %H:%M:%S %j %a %A %b %B %p %I %w %y %% %e %u %U %W %G-W%V %C %D %T %F %R", time.gmtime(s)))
print(time.strftime("%c | %x | %X | %Z | %z | %r | %h %k %l %P", g))
print(time.strftime("%Y%m%d", (2024, 1, 5, 0, 0, 0, 4, 5, 0)))
print(time.strftime("%d %j %a", (2024, 0, 0, 0, 0, 0, 0, 0, 0)))
print(time.strftime("%a", (2024, 1, 1, 0, 0, 0, 7, 1, 0)), time.strftime("%a", (2024, 1, 1, 0, 0, 0, -1, 1, 0)))
print(repr(time.strftime("", g)), time.strftime("%Q %", g))
print(time.asctime(g))
print(time.asctime((2024, 1, 5, 1, 2, 3, 4, 5, 0)))
st = time.struct_time((2024, 1, 2, 3, 4, 5, 1, 2, 0))
print(st, st.tm_zone, st.tm_gmtoff)
print(time.struct_time((2024, 1, 2, 3, 4, 5, 1, 2, 0, "XYZ", 3600)).tm_zone)

# local time: only facts that hold in every time zone
lt = time.localtime(T)
print(type(lt).__name__, len(lt), lt.tm_isdst in (0, 1), type(lt.tm_zone).__name__)
print(time.mktime(lt) == 1700000000.0, time.mktime(time.localtime(0)) == 0.0)
print(time.mktime(tuple(time.localtime(86400 * 365))) == 86400 * 365)
off = lt.tm_gmtoff
print(time.mktime(g) + off == 1700000000.0 or lt.tm_isdst == 1)
print(time.mktime((2023, 11, 14, 22, 13, 20, 0, 0, -1)) + off == 1700000000.0)
print(time.ctime(T) == time.asctime(time.localtime(T)), len(time.ctime()) == 24)
print(time.timezone in (-lt.tm_gmtoff, -lt.tm_gmtoff + 3600), isinstance(time.altzone, int))
print(type(time.tzname).__name__, len(time.tzname), time.daylight in (0, 1))
print(type(time.localtime()).__name__, type(time.gmtime()).__name__, len(time.strftime("%Y")))

# clocks
t0 = time.time()
p0 = time.perf_counter()
m0 = time.monotonic()
time.sleep(0.01)
print(time.time() >= t0, time.perf_counter() - p0 >= 0.009, time.monotonic() >= m0, time.process_time() >= 0)
print(type(time.time_ns()).__name__, type(time.perf_counter_ns()).__name__, type(time.monotonic_ns()).__name__)
print(abs(time.time_ns() / 1e9 - time.time()) < 5)

def err(f, *args):
    try:
        f(*args)
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)

err(time.gmtime, "x")
err(time.gmtime, float("nan"))
err(time.strftime, 5)
err(time.strftime, "%Y", (2024, 1, 1))
err(time.strftime, "%Y", (2024, 13, 1, 0, 0, 0, 0, 1, 0))
err(time.strftime, "%Y", (2024, 1, 32, 0, 0, 0, 0, 1, 0))
err(time.strftime, "%Y", (2024, 1, 1, 24, 0, 0, 0, 1, 0))
err(time.strftime, "%Y", (2024, 1, 1, 0, 60, 0, 0, 1, 0))
err(time.strftime, "%Y", (2024, 1, 1, 0, 0, 62, 0, 1, 0))
err(time.strftime, "%Y", (2024, 1, 1, 0, 0, 0, -2, 1, 0))
err(time.strftime, "%Y", (2024, 1, 1, 0, 0, 0, 0, 367, 0))
err(time.asctime, (1, 2))
err(time.mktime, (2024, 1, 1))
err(time.struct_time, (1, 2, 3))
err(time.sleep, -1)
