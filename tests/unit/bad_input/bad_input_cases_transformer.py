"""Bad-input cases for ``neuralnlp.transformer`` (placeholder while written)."""
CASES = []
