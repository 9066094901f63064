from neuralnlp.basics.graph import Value

# A neuron y = σ(w1·x1 + w2·x2 + b), one graph node per operation.
x1, x2 = Value(2.0), Value(-1.0)
w1, w2, b = Value(0.5), Value(1.5), Value(0.25)
w1x1 = w1 * x1
w2x2 = w2 * x2
z = w1x1 + w2x2 + b
y = z.sigmoid()
y.backward()

nodes = {"x1": x1, "x2": x2, "w1": w1, "w2": w2, "b": b, "w1*x1": w1x1, "w2*x2": w2x2, "z": z, "y": y}
print("  node    value   grad = dy/dnode")
for name, node in nodes.items():
    print(f"{name:>6}  {node.data:7.4f}  {node.grad:7.4f}")

# At the node w1*x1: downstream (to w1) = upstream × local, and local = x1.
upstream, local = w1x1.grad, w1x1.local_grads[0]
print(f"upstream {upstream:.4f} × local {local:.4f} = {upstream * local:.4f} = w1.grad {w1.grad:.4f}")
