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
- ``neuralnlp.plotting``: figures that read well on light and dark pages;
- ``neuralnlp.rnn`` and ``neuralnlp.gru``: the Elman RNN and the GRU, matching ``torch.nn.RNN``/``GRU``;
- ``neuralnlp.gradient_flow``: how gradients vanish or explode through time, and gradient clipping;
- ``neuralnlp.memory_task``: a recall-the-first-token task that needs long memory;
- ``neuralnlp.text_corpus`` and ``neuralnlp.language_model``: a generated corpus with a known entropy
  rate, and an RNN/GRU language model trained on it;
- ``neuralnlp.vocab`` and ``neuralnlp.embedding``: token ids, and the embedding layer (lookup = one-hot × W);
- ``neuralnlp.word2vec``: windows, sub-sampling, negative sampling, hierarchical softmax, CBOW and
  skip-gram, a fast skip-gram trainer, and evaluation on word-similarity data;
- ``neuralnlp.similarity`` and ``neuralnlp.vector_search``: cosine similarity, nearest neighbours,
  sentence vectors, and a brute-force vector index.
"""

__version__ = "0.1.0"
