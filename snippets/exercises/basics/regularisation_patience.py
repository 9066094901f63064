import torch
from torch import nn

from neuralnlp.basics.datasets import spiral
from neuralnlp.training import Adam, EarlyStopping, train_classifier, train_validation_test_split

torch.set_num_threads(1)  # tiny matrices: a second thread only adds synchronisation
x, y = spiral(n_per_class=200, n_classes=3, noise=0.5, seed=0)
x, y = torch.tensor(x, dtype=torch.float32), torch.tensor(y)
train, validation, _ = train_validation_test_split(len(x), validation_fraction=0.45, test_fraction=0.45, seed=0)
for patience in (1, 5, 20, 100):
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(2, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 3))
    stopper = EarlyStopping(patience=patience)
    train_classifier(model, Adam(model.parameters(), lr=1e-2), x[train], y[train], epochs=200, batch_size=32,
                     x_val=x[validation], y_val=y[validation], early_stopping=stopper)
    print(f"patience {patience:3d}: stopped after epoch {stopper.epoch:3d}, best epoch {stopper.best_epoch:3d},"
          f" best validation loss {stopper.best_loss:.3f}")
