from neuralnlp.basics.graph import Value

# x feeds two nodes, x*x and the final +, so its gradient has two contributions: 2x from x*x, 1 from +.
x = Value(3.0)
y = x * x + x
y.backward()
print(f"y = {y.data}, dy/dx = {x.grad}  (2x + 1 = {2 * x.data + 1})")

# The contributions backward() added up with +=: through x*x (x is both of its inputs), and through +.
square = y.inputs[0]  # the x*x node
print("through x*x:", square.grad * square.local_grads[0] + square.grad * square.local_grads[1])
print("through +:  ", y.grad * y.local_grads[1])
