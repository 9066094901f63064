from neuralnlp.pipeline.conv import TextCNN

V, d, widths, F, C = 3745, 32, (2, 3, 4), 16, 2  # the TextCNN trained on the reviews
embedding = V * d
convolutions = sum(k * d * F + F for k in widths)  # weight (F, d, K) and bias (F,) per width
linear = len(widths) * F * C + C
print(f"embedding {embedding:,} + convolutions {convolutions:,} + linear {linear:,} = "
      f"{embedding + convolutions + linear:,}")
model = TextCNN(V, d, C, kernel_sizes=widths, n_filters=F)
print(f"counted from the model: {sum(p.numel() for p in model.parameters()):,}")
print(f"share of the embedding: {embedding / (embedding + convolutions + linear):.1%}")
