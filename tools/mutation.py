"""Mutation testing of ``src/neuralnlp`` with mutmut, one module at a time (``make mutation``).

For each module ``src/neuralnlp/<...>/<name>.py`` this driver

1. finds the tests of that module: the unit test files that import it (``from neuralnlp.x.name import ...``,
   ``from neuralnlp.x import name``, or a name of a package's ``EXPORTS`` that lives in it), plus the
   bad-input cases of its public names (``tests/unit/bad_input``); ``_checks`` is tested by the whole
   bad-input suite;
2. runs mutmut in a fresh workspace ``.mutation/<module>/`` with only that module mutated and only those
   tests selected (mutmut then runs, for each mutant, only the selected tests that call the mutated function);
3. prints the module's score, killed / (mutants - skipped), and every surviving mutant as a diff.

Every run starts from scratch: mutmut caches verdicts per function and would keep a "survived" after the test
that kills it was added.

Left out, because they only change the text of an error message (which the tests pin with ``match=``, but a
wrong word is not a wrong result):

- every mutation inside the arguments of a ``raise X(...)``: the message and its f-string expressions;
- string mutations and argument removal for the arguments that only name things in messages: a parameter
  called ``name``, ``what``, ``name_a``, ``name_b`` or ``size_name`` of a ``neuralnlp._checks`` function or of
  a function of the module itself (``check_real(lr, "lr", 0, what="a learning rate")``: "lr" and
  "a learning rate" are message text; 0 and the removal of ``lr`` are not).

mutmut itself never mutates docstrings (triple-quoted strings), f-string text, type annotations, decorated
functions other than static and class methods, or module-level code. An equivalent mutant (one that no test
can kill because it does not change behaviour) is marked in the source with ``# pragma: no mutate`` and a
reason on that line (the line is then not mutated at all), or, when the line is shown on a page or has other,
killable mutants, listed in ``EQUIVALENT`` below with its reason; either way it is left out of the score.

Usage::

    python tools/mutation.py                       # every module (about an hour on 2 cores)
    python tools/mutation.py basics/graph.py training/schedules.py
    python tools/mutation.py --count               # mutants per module, without running anything
    python tools/mutation.py --tests basics/graph.py
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import importlib
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
PACKAGE = SRC / "neuralnlp"
UNIT = ROOT / "tests" / "unit"
WORK = ROOT / ".mutation"
BAD_INPUT = "tests/unit/bad_input/test_bad_input.py"
BAD_INPUT_TEST = BAD_INPUT + "::test_bad_input_gets_a_clear_error_and_valid_input_is_accepted"
MESSAGE_PARAMETERS = {"name", "what", "name_a", "name_b", "size_name"}
LINKED = ("src", "tests", "hooks", "conftest.py", "pyproject.toml")  # what a workspace sees of the repository

# Equivalent mutants that are not marked with "# pragma: no mutate" in the source, because the line is shown on a
# course page (a --8<-- section) or because the pragma would also silence the other, killable mutants of its line.
# module -> {(original line, mutated line): why no test can tell them apart}; lines compared without indentation.
EQUIVALENT = {
    "basics/graph.py": {
        ("s = 1.0 / (1.0 + e) if self.data >= 0 else e / (1.0 + e)",
         "s = 1.0 / (1.0 + e) if self.data > 0 else e / (1.0 + e)"):
            "at x = 0 both formulas give 1/2, with the same local gradient",
        ("return self * -1.0", "return self / -1.0"):
            "x / -1.0 is exactly x * -1.0, and so is its gradient (x * (-1.0) ** -1)",
    },
    "recurrent/gru.py": {
        **{(line.format("*x.shape[:-1], self.hidden_size"), line.format(shape)):
           "a zero state broadcasts: zeros of shape (hidden,) give the same gates and state as zeros shaped like the "
           "batch (and x.shape[:-2] is () for the 1-D and 2-D inputs a cell takes)"
           for line in ("return x.new_zeros({})", "h = x.new_zeros({}) if h is None else h")
           for shape in ("self.hidden_size", "*x.shape[:-2], self.hidden_size")},
    },
    "training/schedules.py": {
        ("if step < self.warmup_steps:", "if step <= self.warmup_steps:"):
            "at t = W the warm-up formula gives η₀ · (f + (1 − f)) = η₀, and the cosine gives η₀ too",
    },
    "embeddings/word2vec/huffman.py": {
        ('counts = as_count_array(counts, "counts", min_length=2, positive_total=False)',
         'counts = as_count_array(counts, "counts", min_length=2, positive_total=None)'):
            "None is as false as False for as_count_array",
        ('order = np.argsort(-counts, kind="stable")  # sorted position -> word id',
         'order = np.argsort(-counts, kind="STABLE")  # sorted position -> word id'):
            "NumPy reads the sort kind case-insensitively",
        ("weight = np.concatenate([counts[order], np.full(V - 1, np.inf)])",
         "weight = np.concatenate([counts[order], np.full(V + 1, np.inf)])"):
            "two more weights that are never read (nodes stop at 2V - 2)",
        **{("parent = np.zeros(2 * V - 1, dtype=np.int64)", f"parent = np.zeros({size}, dtype=np.int64)"):
           "parent[root] is never read or written, so any size >= 2V - 2 works" for size in
           ("2 * V + 1", "3 * V - 1", "2 * V - 2")},
        **{("branch = np.zeros(2 * V - 1, dtype=np.int64)", f"branch = np.zeros({size}, dtype=np.int64)"):
           "branch[root] is never read or written, so any size >= 2V - 2 works" for size in
           ("2 * V + 1", "3 * V - 1", "2 * V - 2")},
        **{("branch = np.zeros(2 * V - 1, dtype=np.int64)", f"branch = np.zeros(2 * V - 1, {dtype})"):
           "float zeros and ones: the codes are converted to int64 when they are built" for dtype in
           ("dtype=None", "")},
        **{(f"{name}[word] = np.array({seq}[::-1], dtype=np.int64)", f"{name}[word] = np.array({seq}[::-1], {dtype})"):
           "the elements are already NumPy int64 values, so the default dtype is int64 too"
           for name, seq in (("codes", "bits"), ("points", "path")) for dtype in ("dtype=None", "")},
    },
}


# ---- which modules, which tests -----------------------------------------------------------------------------

def all_modules() -> list[str]:
    """Every module of the library, as paths relative to src/neuralnlp; packages' __init__ files only hold
    their lazy EXPORTS tables (module-level code, which mutmut does not mutate)."""
    return sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py") if p.name != "__init__.py")


def dotted(module: str) -> str:
    return "neuralnlp." + module.removesuffix(".py").replace("/", ".")


def _module_of(name: str) -> str | None:
    """The module (relative path) for a dotted neuralnlp name that is a module, or None."""
    path = SRC / (name.replace(".", "/") + ".py")
    return path.relative_to(PACKAGE).as_posix() if path.is_file() else None


def imported_modules(test_file: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(test_file.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {m for alias in node.names if (m := _module_of(alias.name))}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "neuralnlp":
            if module := _module_of(node.module):
                found.add(module)
                continue
            exports = {}
            if (SRC / node.module.replace(".", "/") / "__init__.py").is_file():
                sys.path.insert(0, str(SRC))
                try:
                    exports = getattr(importlib.import_module(node.module), "EXPORTS", {})
                finally:
                    sys.path.remove(str(SRC))
            for alias in node.names:
                if module := _module_of(f"{node.module}.{alias.name}"):
                    found.add(module)
                elif alias.name in exports:
                    found.add(_module_of(node.module + exports[alias.name]))
    return found


def bad_input_ids(module: str) -> list[str]:
    """Node ids of the bad-input cases of the public names defined in ``module``."""
    sys.path[:0] = [str(SRC), str(UNIT / "bad_input")]
    try:
        from bad_input_harness import all_cases
        prefix = dotted(module).removeprefix("neuralnlp.") + "."
        return [f"{BAD_INPUT_TEST}[{case.id}]" for case in all_cases() if case.name.startswith(prefix)]
    finally:
        del sys.path[:2]


def tests_for(module: str) -> list[str]:
    if module == "_checks.py":  # every check, through every public name
        return [BAD_INPUT]
    files = sorted(p.relative_to(ROOT).as_posix() for p in UNIT.rglob("test_*.py")
                   if "bad_input" not in p.parts and module in imported_modules(p))
    return files + bad_input_ids(module)


# ---- which mutants: mutmut's operators, without those that only change message text ----------------------

def _install_message_filter() -> None:
    """Replace mutmut's create_mutations with one that drops mutants of message text (see the docstring above)."""
    import libcst as cst
    from libcst.metadata import MetadataWrapper
    from mutmut.mutation import file_mutation, mutators
    from mutmut.mutation.pragma_handling import get_ignored_lines

    sys.path.insert(0, str(SRC))
    import inspect

    import neuralnlp._checks as checks
    sys.path.remove(str(SRC))
    signatures = {name: list(inspect.signature(f).parameters) for name, f in vars(checks).items()
                  if inspect.isfunction(f) and f.__module__ == checks.__name__}

    class MessageArguments(cst.CSTVisitor):
        """Collects the nodes that are message text, and per call the indexes of its message arguments."""

        def __init__(self, local: dict[str, list[str]]):
            self.parameters = {**signatures, **local}
            self.message_nodes: set[int] = set()
            self.message_args: dict[int, set[int]] = {}

        def _mark(self, call: cst.Call, indexes: set[int]) -> None:
            self.message_args[id(call)] = indexes
            for i in indexes:
                for sub in _walk(call.args[i]):
                    self.message_nodes.add(id(sub))

        def visit_Raise(self, node: cst.Raise) -> None:
            if isinstance(node.exc, cst.Call):
                self._mark(node.exc, set(range(len(node.exc.args))))

        def visit_Call(self, node: cst.Call) -> None:
            func = node.func.attr.value if isinstance(node.func, cst.Attribute) else getattr(node.func, "value", None)
            params = self.parameters.get(func)
            if not params:
                return
            if params[:1] in (["self"], ["cls"]) and isinstance(node.func, cst.Attribute):
                params = params[1:]
            indexes = set()
            for i, arg in enumerate(node.args):
                bound = arg.keyword.value if arg.keyword else (params[i] if i < len(params) and not arg.star else None)
                if bound in MESSAGE_PARAMETERS:
                    indexes.add(i)
            if indexes:
                self._mark(node, indexes | self.message_args.get(id(node), set()))

    def _walk(node):
        stack = [node]
        while stack:
            current = stack.pop()
            yield current
            stack.extend(current.children)

    def _local_functions(module: cst.Module) -> dict[str, list[str]]:
        found = {}
        for node in _walk(module):
            if isinstance(node, cst.FunctionDef):
                p = node.params
                found[node.name.value] = [x.name.value for x in (*p.posonly_params, *p.params, *p.kwonly_params)]
        return found

    class FilteringVisitor(file_mutation.MutationVisitor):
        def __init__(self, *args, message: MessageArguments, **kwargs):
            super().__init__(*args, **kwargs)
            self.message = message

        def _create_mutations(self, node):
            if id(node) in self.message.message_nodes:
                return
            indexes = self.message.message_args.get(id(node))
            for t, operator in self._operators:
                if not isinstance(node, t):
                    continue
                for mutated in operator(node):
                    if indexes and operator is mutators.operator_arg_removal and _touches(node, mutated, indexes):
                        continue
                    if self._removes_ignored_code(node, mutated):
                        continue
                    self.mutations.append(file_mutation.Mutation(
                        original_node=node, mutated_node=mutated,
                        contained_by_top_level_function=self.get_metadata(file_mutation.OuterFunctionProvider, node, None)))

    def _touches(call, mutated, indexes) -> bool:
        """Whether an argument-removal mutant of ``call`` replaced or dropped one of its message arguments."""
        before, after = call.args, mutated.args
        changed = next((i for i in range(min(len(before), len(after))) if before[i] is not after[i]), len(after))
        return changed in indexes

    def create_mutations(filename, code, covered_lines=None, coverage_excluded_lines=None):
        module = cst.parse_module(code)
        wrapper = MetadataWrapper(module)
        ignored = get_ignored_lines(filename, code, wrapper, coverage_excluded_lines)
        message = MessageArguments(_local_functions(wrapper.module))
        wrapper.module.visit(message)
        visitor = FilteringVisitor(mutators.mutation_operators, ignored, covered_lines, message=message)
        module = wrapper.visit(visitor)
        return module, visitor.mutations, visitor.ignored_classes, visitor.ignored_functions

    file_mutation.create_mutations = create_mutations


def count_mutants(module: str) -> int:
    _install_message_filter()
    from mutmut.mutation import file_mutation
    path = PACKAGE / module
    _, mutations, _, _ = file_mutation.create_mutations(str(path), path.read_text(encoding="utf-8"))
    return sum(m.contained_by_top_level_function is not None for m in mutations)


# ---- one module, in its own workspace (run in a subprocess: mutmut keeps global state) ---------------------

def slug(module: str) -> str:
    return module.removesuffix(".py").replace("/", ".")


def run_in_workspace(module: str, max_children: int) -> None:
    work = WORK / slug(module)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    for name in LINKED:
        (work / name).symlink_to(ROOT / name)
    os.chdir(work)
    # the library must come from mutants/src, never from the repository (mutmut removes ./src from sys.path)
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != SRC]
    os.environ.pop("PYTHONPATH", None)
    os.environ["NEURALNLP_TEST_MEMORY_GB"] = os.environ.get("NEURALNLP_TEST_MEMORY_GB", "4")

    from mutmut import configuration
    _install_message_filter()
    tests = tests_for(module)
    # finding the tests imported neuralnlp from the repository: forget it, so that the tests import mutants/src
    for name in [n for n in sys.modules if n.split(".")[0] in ("neuralnlp", "bad_input_harness")
                 or n.startswith("bad_input_cases")]:
        del sys.modules[name]
    config = configuration._load_config()
    configuration._config = dataclasses.replace(
        config,
        source_paths=[Path("src")],
        resolved_mutated_source_paths=[work.resolve() / "mutants" / "src"],
        only_mutate=[f"src/neuralnlp/{module}"],
        also_copy=config.also_copy + [Path("conftest.py"), Path("hooks")],
        # pytest-timeout at 120 s per test stops a mutant that loops (under mutmut's trampolines the 200,000-operation
        # graph of test_graph takes about 40 s on a busy machine, so an honest test is not stopped); mutmut's own CPU
        # limit, 15 x 2 x (the mutant's tests' measured time + 1 s), stays at its default
        pytest_add_cli_args=["-p", "no:cacheprovider", "-p", "no:xdist", "-o", "addopts=", "-o", "timeout=120"],
        pytest_add_cli_args_test_selection=tests,
        process_isolation=configuration.ProcessIsolation.FORKSERVER,
        use_setproctitle=False,
        debug=bool(os.environ.get("MUTATION_DEBUG")),
    )
    import mutmut.__main__ as mutmut_main
    start = time.monotonic()
    try:
        mutmut_main._run([], max_children)
    except SystemExit as e:  # mutmut exits on a failing clean run, for instance
        if e.code not in (0, None):
            raise
    elapsed = time.monotonic() - start
    summarise(module, elapsed)


def summarise(module: str, elapsed: float) -> None:
    from mutmut.mutation.data import SourceFileMutationData
    from mutmut.mutation.diff_apply import get_diff_for_mutant
    from mutmut.stats import status_by_exit_code

    path = Path("src/neuralnlp") / module
    data = SourceFileMutationData(path=path)
    data.load()
    statuses = {key: status_by_exit_code[code] for key, code in data.exit_code_by_key.items()}
    survivors, equivalent = {}, {}
    for key, status in statuses.items():
        if status in ("survived", "no tests", "suspicious", "not checked"):
            diff = get_diff_for_mutant(key, path=path)
            reason = EQUIVALENT.get(module, {}).get(_changed_line(diff))
            if reason:
                equivalent[key] = reason
                statuses[key] = "equivalent"
            else:
                survivors[key] = diff
    source = (PACKAGE / module).read_text(encoding="utf-8")
    result = {
        "module": module, "tests": tests_for(module), "seconds": round(elapsed, 1), "mutants": len(statuses),
        "cpu_seconds": round(sum(getattr(resource.getrusage(who), f) for who in (resource.RUSAGE_SELF,
                             resource.RUSAGE_CHILDREN) for f in ("ru_utime", "ru_stime")), 1),
        "statuses": {s: list(statuses.values()).count(s) for s in sorted(set(statuses.values()))},
        "marked_equivalent_lines": source.count("# pragma: no mutate"), "equivalent": equivalent,
        "survivors": survivors,
    }
    (WORK / "results").mkdir(exist_ok=True)
    (WORK / "results" / f"{slug(module)}.json").write_text(json.dumps(result, indent=1), encoding="utf-8")


def _changed_line(diff: str) -> tuple[str, str] | None:
    """(original, mutated) for a mutant that changes one line, stripped of indentation."""
    removed = [l[1:].strip() for l in diff.splitlines() if l.startswith("-") and not l.startswith("---")]
    added = [l[1:].strip() for l in diff.splitlines() if l.startswith("+") and not l.startswith("+++")]
    return (removed[0], added[0]) if len(removed) == len(added) == 1 else None


# ---- the report -------------------------------------------------------------------------------------------

def score(result: dict) -> tuple[int, int]:
    s = result["statuses"]
    killed = s.get("killed", 0) + s.get("timeout", 0) + s.get("segfault", 0) + s.get("caught by type check", 0)
    return killed, result["mutants"] - s.get("skipped", 0) - s.get("equivalent", 0)


def report(modules: list[str]) -> int:
    failing = 0
    print(f"\n{'module':48} {'killed':>7} {'of':>5} {'score':>7} {'s/mutant':>9} {'cpu s/m':>8} {'equiv.':>7} "
          f"{'pragmas':>8}")
    for module in modules:
        file = WORK / "results" / f"{slug(module)}.json"
        if not file.exists():
            print(f"{module:48} (no result)")
            failing += 1
            continue
        result = json.loads(file.read_text(encoding="utf-8"))
        killed, total = score(result)
        pct = 100 * killed / total if total else 100.0
        failing += pct < 95
        per = result["seconds"] / max(result["mutants"], 1)
        cpu = result.get("cpu_seconds", float("nan")) / max(result["mutants"], 1)
        print(f"{module:48} {killed:7} {total:5} {pct:6.1f}% {per:9.2f} {cpu:8.2f} {len(result.get('equivalent', {})):7} "
              f"{result['marked_equivalent_lines']:8}")
    for module in modules:
        file = WORK / "results" / f"{slug(module)}.json"
        if file.exists():
            survivors = json.loads(file.read_text(encoding="utf-8"))["survivors"]
            for key, diff in survivors.items():
                print(f"\n--- survivor {key}\n{diff}")
    return failing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help="paths under src/neuralnlp (default: every module)")
    parser.add_argument("--count", action="store_true", help="count the mutants of each module, run nothing")
    parser.add_argument("--tests", action="store_true", help="print the tests each module's mutants run")
    parser.add_argument("--report", action="store_true", help="print the report of the last run, run nothing")
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--one", help=argparse.SUPPRESS)  # internal: run one module in this process
    args = parser.parse_args()
    if args.one:
        run_in_workspace(args.one, args.max_children)
        return 0
    modules = [m.removeprefix("src/neuralnlp/") for m in args.modules] or all_modules()
    unknown = sorted(set(modules) - set(all_modules()))
    if unknown:
        parser.error(f"not modules of src/neuralnlp: {unknown}")
    if args.count:
        counts = {m: count_mutants(m) for m in modules}
        for m, n in counts.items():
            print(f"{m:48} {n:6}")
        print(f"{'total':48} {sum(counts.values()):6}")
        return 0
    if args.report:
        return 1 if report(modules) else 0
    if args.tests:
        for m in modules:
            print(m, *tests_for(m), sep="\n    ")
        return 0
    for module in modules:
        print(f"\n==== {module}", flush=True)
        subprocess.run([sys.executable, __file__, "--one", module, "--max-children", str(args.max_children)],
                       check=False)
    return 1 if report(modules) else 0


if __name__ == "__main__":
    sys.exit(main())
