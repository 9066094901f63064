"""The pipeline's unit tests run on one torch thread, as the transformer chapter's do."""

import pytest


@pytest.fixture(autouse=True)
def _one_torch_thread():
    """Run these tests on one torch thread: their many small operations gain nothing from a second thread, and
    on a busy machine (make test runs the suite on every core) two threads wait for each other."""
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)
