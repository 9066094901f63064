"""The GitHub Actions workflow cannot run here, so check what it would do."""

import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from pages import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"


def load():
    # PyYAML reads the key `on:` as the boolean True
    return {("on" if k is True else k): v for k, v in yaml.safe_load(WORKFLOW.read_text()).items()}


def run_commands(job):
    return [step["run"] for step in job["steps"] if "run" in step]


def uses(job):
    return [step["uses"].split("@")[0] for step in job["steps"] if "uses" in step]


def test_it_runs_on_pushes_and_pull_requests():
    assert {"push", "pull_request"} <= set(load()["on"])


def test_the_test_job_runs_what_ci_runs():
    ci = (ROOT / ".ci" / "run").read_text()
    ci_commands = [line.strip() for line in ci.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    assert "make test" in ci_commands
    commands = run_commands(load()["jobs"]["test"])
    # .ci/run itself, after steps that only install what a fresh Debian machine has (Python, pip, make)
    assert commands[-1] == ".ci/run"
    setup = re.compile(r"apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq [a-z0-9.+ -]+")
    assert all(setup.fullmatch(c) for c in commands[:-1]), commands


def test_it_runs_where_make_test_works():
    """In a Debian 12 container: Python 3.11 as the lock says, and Debian's chromium for apt to install.
    (A bare ubuntu-24.04 runner has no chromium package: Ubuntu ships it as a snap.)"""
    job = load()["jobs"]["test"]
    assert "Python 3.11" in (ROOT / "requirements.lock").read_text()
    image = job["container"] if isinstance(job["container"], str) else job["container"]["image"]
    assert image in ("debian:12", "debian:bookworm") or image.startswith("debian:12-") or image.startswith("debian:bookworm-")
    # Debian 12's python3 is 3.11; a setup-python step would add a second Python the Makefile does not use.
    assert "actions/setup-python" not in uses(job)


def apt_packages(text: str) -> list[str]:
    """Package names in the `apt-get install` commands of a workflow step or a Makefile recipe."""
    names = []
    for command in re.findall(r"apt-get install ([^;&|\n]+)", text):
        names += [w for w in command.split() if not w.startswith("-") and not w.startswith("$")]
    return names


def test_the_apt_packages_exist_in_debian_12():
    steps = "\n".join(run_commands(load()["jobs"]["test"]))
    packages = apt_packages(steps) + apt_packages((ROOT / "Makefile").read_text())
    assert {"python3", "python3-venv", "make", "chromium"} <= set(packages), packages
    if shutil.which("apt-cache") is None or "bookworm" not in Path("/etc/os-release").read_text():
        pytest.skip("checking package names needs Debian 12's apt-cache")
    for package in packages:
        shown = subprocess.run(["apt-cache", "show", "--no-all-versions", package], capture_output=True, text=True)
        assert shown.returncode == 0 and f"Package: {package}" in shown.stdout, f"Debian 12 has no package {package!r}"


def test_the_package_name_check_can_fail():
    assert apt_packages("apt-get install -y -qq chromium fonts-x; echo") == ["chromium", "fonts-x"]
    if shutil.which("apt-cache"):
        assert subprocess.run(["apt-cache", "show", "no-such-package-xyz"], capture_output=True).returncode != 0


def test_it_uploads_the_strictly_built_site_and_deploys_it_from_main_only():
    jobs = load()["jobs"]
    upload = [s for s in jobs["test"]["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact")]
    assert upload and upload[0]["with"]["path"] == "site"
    assert "refs/heads/main" in upload[0]["if"]
    # `make test` strictly builds into site/ (and then tests that very site)
    assert re.search(r"^test:.*\n(\t.*\n)*\t\$\(MAKE\) build", (ROOT / "Makefile").read_text(), re.M)
    deploy = jobs["deploy"]
    assert deploy["needs"] == "test"
    assert "refs/heads/main" in deploy["if"] and "push" in deploy["if"]
    assert "actions/deploy-pages" in uses(deploy)
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}


def test_the_makefile_takes_torch_from_the_cpu_index_and_falls_back_quickly():
    makefile = (ROOT / "Makefile").read_text()
    assert "TORCH_INDEX := https://download.pytorch.org/whl/cpu" in makefile
    assert '--no-deps --index-url $(TORCH_INDEX) "$$(grep \'^torch==\' requirements.lock)"' in makefile
    assert len(re.findall(r"^torch==", (ROOT / "requirements.lock").read_text(), re.M)) == 1
    # The probe that decides: run it as make would. Where the index is unreachable (as on CI) it must
    # give up within seconds, not pip's minutes of retries.
    probe = re.search(r"\$\(PY\) -c '([^']+)'", makefile).group(1).replace("$(TORCH_INDEX)", "https://download.pytorch.org/whl/cpu")
    assert "timeout=5" in probe
    start = time.monotonic()
    subprocess.run([sys.executable, "-c", probe], capture_output=True, timeout=60)
    assert time.monotonic() - start < 15
