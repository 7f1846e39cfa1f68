# class-based data structures: Stack and Queue with __len__, __repr__, errors on empty, method chaining
class EmptyError(Exception):
    pass
class Stack:
    def __init__(self):
        self._items = []
    def push(self, x):
        self._items.append(x)
        return self
    def pop(self):
        if not self._items:
            raise EmptyError("pop from empty stack")
        return self._items.pop()
    def peek(self):
        return self._items[-1] if self._items else None
    def __len__(self):
        return len(self._items)
    def __repr__(self):
        return "Stack(" + ", ".join(repr(x) for x in self._items) + ")"
class Queue(Stack):
    def pop(self):
        if len(self) == 0:
            raise EmptyError("pop from empty queue")
        return self._items.pop(0)
    def __repr__(self):
        return "Queue" + super().__repr__()[5:]
s = Stack().push(1).push("two").push(3.0)
print(s, len(s), s.peek())
print(s.pop(), s.pop(), s)
q = Queue()
for i in range(4):
    q.push(i * i)
print(q, q.pop(), q.pop(), len(q))
for container in [Stack(), Queue()]:
    try:
        container.pop()
    except EmptyError as e:
        print(type(container).__name__, "->", e)
def balanced(text):
    pairs = {")": "(", "]": "[", "}": "{"}
    st = Stack()
    for ch in text:
        if ch in "([{":
            st.push(ch)
        elif ch in pairs:
            if len(st) == 0 or st.pop() != pairs[ch]:
                return False
    return len(st) == 0
for t in ["(a[b]{c})", "(]", "((", "", "{[()()]}"]:
    print(repr(t), balanced(t))
print(bool(Stack()), bool(Stack().push(0)))
