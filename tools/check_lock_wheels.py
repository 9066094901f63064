"""Which Python versions and platforms ``requirements.lock`` installs on, checked without downloading a wheel.

    .venv/bin/python tools/check_lock_wheels.py [--python 3.11 3.12 3.13]

For every pinned ``name==version`` it reads the file list of PyPI's simple index (the JSON form of
PEP 691: file names only, no wheel is fetched) and looks for a wheel whose tags the target accepts:
CPython 3.x on Linux x86-64 (manylinux) and on macOS arm64 (Apple silicon, macOS 14). A pin with
no such wheel but with a source distribution is listed as "sdist" (pip builds it on install); a pin
with neither fails the check. Prints one row per pin that is not a wheel
everywhere, then a verdict per target. Exit status 1 when some target cannot install the lock.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import urllib.request
from pathlib import Path

from packaging.tags import compatible_tags, cpython_tags, mac_platforms
from packaging.utils import InvalidSdistFilename, InvalidWheelFilename, canonicalize_name, parse_sdist_filename, parse_wheel_filename
from packaging.version import Version

LOCK = Path(__file__).resolve().parent.parent / "requirements.lock"
INDEX = "https://pypi.org/simple/{}/"
PLATFORMS = {
    "linux-x86_64": [f"manylinux_2_{minor}_x86_64" for minor in range(35, 4, -1)]
    + ["manylinux2014_x86_64", "manylinux2010_x86_64", "manylinux1_x86_64", "linux_x86_64"],
    "macos-arm64": list(mac_platforms((14, 0), "arm64")),
}


def pins(lock: Path) -> list[tuple[str, Version]]:
    found = re.findall(r"^([A-Za-z0-9_.-]+)==([^\s;#]+)", lock.read_text(), re.M)
    return [(canonicalize_name(name), Version(version)) for name, version in found]


def files(name: str) -> list[str]:
    request = urllib.request.Request(INDEX.format(name), headers={"Accept": "application/vnd.pypi.simple.v1+json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return [f["filename"] for f in json.load(response)["files"] if not f.get("yanked")]


def target_tags(python: str, platforms: list[str]) -> set:
    version = tuple(int(p) for p in python.split("."))
    return set(cpython_tags(version, platforms=platforms)) | set(compatible_tags(version, platforms=platforms))


def verdict(filenames: list[str], version: Version, accepted: set) -> str:
    """"wheel", "sdist" or "none" for one pin on one target."""
    sdist = False
    for filename in filenames:
        try:
            _, wheel_version, _, tags = parse_wheel_filename(filename)
            if wheel_version == version and tags & accepted:
                return "wheel"
        except InvalidWheelFilename:
            try:
                sdist |= parse_sdist_filename(filename)[1] == version
            except InvalidSdistFilename:
                pass
    return "sdist" if sdist else "none"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", nargs="+", default=["3.11", "3.12", "3.13"])
    args = parser.parse_args()
    targets = {f"cp{p.replace('.', '')} {platform}": target_tags(p, tags)
               for p in args.python for platform, tags in PLATFORMS.items()}
    table = {}
    for name, version in pins(LOCK):
        filenames = files(name)
        table[f"{name}=={version}"] = {target: verdict(filenames, version, tags) for target, tags in targets.items()}
    width = max(map(len, table))
    print(f"{len(table)} pins in {LOCK.name}; pins that are not a wheel on every target:")
    print(f"{'pin':<{width}}  " + "  ".join(f"{t:>20}" for t in targets))
    for pin, row in table.items():
        if set(row.values()) != {"wheel"}:
            print(f"{pin:<{width}}  " + "  ".join(f"{row[t]:>20}" for t in targets))
    failed = False
    for target in targets:
        missing = [pin for pin, row in table.items() if row[target] == "none"]
        sdists = [pin for pin, row in table.items() if row[target] == "sdist"]
        failed |= bool(missing)
        print(f"{target}: {'CANNOT install ' + ', '.join(missing) if missing else 'installs'}"
              f"{f' ({len(sdists)} from source: ' + ', '.join(sdists) + ')' if sdists else ''}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
