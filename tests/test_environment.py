"""pyproject.toml is the source of dependencies; environment.yml must mirror it."""
from __future__ import annotations

import re
import tomllib

import yaml

from analysis import config

# conda-forge names that differ from the PyPI requirement's name.
CONDA_NAMES = {"dask[distributed]": "dask"}
REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9_.\-\[\]]+)\s*(?:>=\s*([0-9][^,;\s]*))?")


def _parse(requirement: str) -> tuple[str, str | None]:
    match = REQUIREMENT.match(requirement)
    assert match, f"cannot read requirement {requirement!r}"
    name = match.group(1).lower()
    return CONDA_NAMES.get(name, name), match.group(2)


def pyproject_requirements() -> dict[str, str | None]:
    project = tomllib.loads((config.PROJECT_ROOT / "pyproject.toml").read_text())["project"]
    requirements = list(project["dependencies"]) + list(project["optional-dependencies"]["test"])
    return dict(_parse(r) for r in requirements)


def environment_requirements() -> dict[str, str | None]:
    env = yaml.safe_load((config.PROJECT_ROOT / "environment.yml").read_text())
    entries: list[str] = []
    for item in env["dependencies"]:
        if isinstance(item, dict):
            entries += [p for p in item["pip"] if not p.startswith("-e")]
        else:
            entries.append(item.replace("=", ">=", 1) if re.match(r"^[\w\-]+=[^=]", item) else item)
    parsed = dict(_parse(e) for e in entries)
    parsed.pop("python", None)
    parsed.pop("pip", None)
    return parsed


def test_environment_yml_lists_the_same_packages_and_bounds_as_pyproject():
    assert environment_requirements() == pyproject_requirements()


def test_environment_yml_installs_the_package_itself():
    env = yaml.safe_load((config.PROJECT_ROOT / "environment.yml").read_text())
    pip_section = next(item["pip"] for item in env["dependencies"] if isinstance(item, dict))
    assert "-e ." in pip_section
