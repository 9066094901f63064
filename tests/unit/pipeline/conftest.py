"""Set-up shared by the pipeline tests."""

import pytest


@pytest.fixture(autouse=True)
def _one_torch_thread():
    """Run these tests on one torch thread: their many small operations gain nothing from a second thread, and
    on a busy machine two threads wait for each other (an embedding's index_add_ ran 15x slower on two)."""
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)
