"""Training: optimisers, learning-rate schedules, regularisation and initialisation, from scratch.

Modules: ``optimisers`` (SGD, RMSprop, Adam, AdamW with ``torch.optim``'s interface), ``schedules``
(step decay, cosine, linear warm-up), ``weight_decay``, ``dropout``, ``initialisation``
(Xavier/Glorot, Kaiming/He), ``early_stopping``, ``data_splits`` (training, validation and test
sets), ``landscapes`` (test functions for optimisers) and ``classifier_training`` (the training
loop of the pages).
"""

from neuralnlp._lazy import lazy_exports

EXPORTS = {
    **dict.fromkeys(["Optimizer", "SGD", "RMSprop", "Adam", "AdamW"], ".optimisers"),
    **dict.fromkeys(["LRSchedule", "StepDecay", "CosineDecay", "LinearWarmup", "WarmupCosine"], ".schedules"),
    **dict.fromkeys(["l2_penalty", "parameter_norm"], ".weight_decay"),
    **dict.fromkeys(["inverted_dropout", "Dropout"], ".dropout"),
    **dict.fromkeys(["recommended_gain", "fan_in_and_fan_out", "xavier_uniform_", "xavier_normal_",
                     "kaiming_uniform_", "kaiming_normal_"], ".initialisation"),
    "EarlyStopping": ".early_stopping",
    "train_validation_test_split": ".data_splits",
    **dict.fromkeys(["ill_conditioned_quadratic", "rosenbrock", "optimisation_path"], ".landscapes"),
    **dict.fromkeys(["train_classifier", "evaluate_classifier"], ".classifier_training"),
}
__getattr__, __dir__, __all__ = lazy_exports(globals(), EXPORTS)
