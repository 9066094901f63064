"""neuralnlp: small, tested implementations that follow the course "From Neurons to Embeddings".

One concept per module:

- ``neuralnlp.activations``: activation functions, their derivatives, softmax;
- ``neuralnlp.neuron``: a single neuron in NumPy;
- ``neuralnlp.dense``: dense (fully connected) layers in NumPy;
- ``neuralnlp.feedforward``: feed-forward networks;
- ``neuralnlp.losses``: output layers' losses (MSE, cross-entropy);
- ``neuralnlp.graph``: a tiny scalar computational graph with local gradients;
- ``neuralnlp.backprop``: a two-layer network trained by hand-written backpropagation;
- ``neuralnlp.datasets``: small generated data sets (XOR, spirals);
- ``neuralnlp.plotting``: figures that read well on light and dark pages.
"""

__version__ = "0.1.0"
