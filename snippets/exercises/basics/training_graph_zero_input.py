from neuralnlp.basics.graph import Value

# The page's neuron y = σ(w1·x1 + w2·x2 + b), with x1 = 0 this time.
x1, x2 = Value(0.0), Value(-1.0)
w1, w2, b = Value(0.5), Value(1.5), Value(0.25)
y = (w1 * x1 + w2 * x2 + b).sigmoid()
y.backward()
for name, node in {"x1": x1, "x2": x2, "w1": w1, "w2": w2, "b": b}.items():
    print(f"{name:>2}: value {node.data:7.4f}  grad {node.grad:7.4f}")
