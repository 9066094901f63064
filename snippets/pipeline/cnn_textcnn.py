import torch

from neuralnlp.pipeline.conv import TextCNN

torch.manual_seed(0)
model = TextCNN(vocab_size=50, embedding_dim=8, n_classes=2, kernel_sizes=(2, 3, 4), n_filters=6).eval()
print(model)
print("parameters:", sum(p.numel() for p in model.parameters()))

# Three texts of 7, 3 and 1 tokens, padded with id 0 to 7 positions.
lengths = torch.tensor([7, 3, 1])
ids = torch.randint(1, 50, (3, 7)) * (torch.arange(7) < lengths[:, None])
print("ids:", ids.tolist())
for k, (c, valid) in zip(model.kernel_sizes, model.feature_maps(ids, lengths)):
    print(f"K={k}: feature maps {tuple(c.shape)}, valid windows per text {valid.sum(dim=1).tolist()}")
logits = model(ids, lengths)
print("logits:", tuple(logits.shape))

# Each text alone, unpadded, gets the same logits as in the padded batch.
alone = torch.cat([model(ids[b:b + 1, :n], lengths[b:b + 1]) for b, n in enumerate(lengths.tolist())])
print("max |alone - in the batch| < 1e-6:", (alone - logits).abs().max().item() < 1e-6)
