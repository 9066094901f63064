"""The GitHub Actions workflow cannot run here, so check what it would do."""

import re

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
    # either .ci/run itself or exactly the make targets it calls
    assert commands == [".ci/run"] or [c for c in commands if c.startswith("make")] == [
        c for c in ci_commands if c.startswith("make")
    ]


def test_python_is_the_version_the_lock_is_resolved_for():
    lock = (ROOT / "requirements.lock").read_text()
    assert "Python 3.11" in lock
    setup = [s for s in load()["jobs"]["test"]["steps"] if s.get("uses", "").startswith("actions/setup-python")]
    assert setup and str(setup[0]["with"]["python-version"]) == "3.11"


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
