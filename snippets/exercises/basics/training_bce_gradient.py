from neuralnlp.basics.activations import sigmoid
from neuralnlp.basics.graph import Value

# Binary cross-entropy of one logit z, built node by node, then differentiated by backward().
for z_value, y in [(2.0, 1.0), (2.0, 0.0), (-0.5, 1.0)]:
    z = Value(z_value)
    p = z.sigmoid()
    loss = -(y * p.log() + (1.0 - y) * (1.0 - p).log())
    loss.backward()
    print(f"z = {z_value:4.1f}, y = {y:.0f}:  dL/dz = {z.grad:7.4f}   sigmoid(z) - y = {sigmoid(z_value) - y:7.4f}")
