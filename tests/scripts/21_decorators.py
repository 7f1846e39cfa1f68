# function decorators: call counting, wrapping, decorators with arguments, stacking
def count_calls(fn):
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return fn(*args, **kwargs)
    wrapper.calls = 0
    return wrapper
@count_calls
def square(x):
    return x * x
print(square(3), square(4), square(5))
print("calls:", square.calls)
def shout(fn):
    def wrapper(s):
        return fn(s).upper() + "!"
    return wrapper
def exclaim_twice(fn):
    def wrapper(s):
        return fn(s) + "!!"
    return wrapper
@shout
@exclaim_twice
def hello(name):
    return "hello " + name
print(hello("world"))
def repeat(n):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def tag(x):
    return "<" + str(x) + ">"
print(tag(7))
log = []
def logged(fn):
    def wrapper(*args):
        log.append("call " + str(args))
        result = fn(*args)
        log.append("ret " + str(result))
        return result
    return wrapper
@logged
def add(a, b):
    return a + b
add(1, 2)
add(3, 4)
print(log)
def plain(x):
    return x + 1
wrapped = count_calls(plain)
print(wrapped(1), wrapped(2), wrapped.calls)
