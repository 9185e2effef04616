"""The layering rules, read from the imports (ast, no import is executed).

- only `records/connection.py` imports sqlite3 (the rest of `records/` uses its `Connection` and
  `DatabaseError`, and nothing outside `records/` touches SQLite);
- only `cli/` and the modules that draw (named below) import rich at run time;
- only `cli/` reads environment variables or the config file;
- the low packages (`core`, `models`, `content`, `records`, `render`) import only the low packages
  below them (LOWER), type-only imports included: nothing below the features knows a feature or
  `cli/`; no package imports `cli/` except `cli/` itself;
- no import cycle between packages, and none between files anywhere in src/footback (imports
  inside functions and type-only imports count: each is a dependency of the file);
- sizes: no function over MAX_FUNCTION_LINES, no module over MAX_MODULE_LINES, no command module
  in `cli/commands/` over MAX_COMMAND_LINES (a command parses, calls one service, renders).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "footback"
MAX_FUNCTION_LINES = 60
MAX_MODULE_LINES = 400
MAX_COMMAND_LINES = 100
# Modules in cli/commands/ that are not commands.
NOT_COMMANDS = {
    "cli/commands/__init__.py": "the package",
}
# Still over a size limit, each with who is shortening it (issue 19). A fixed entry fails
# `test_every_pending_size_is_still_over`, so the set only shrinks; it must end empty.
PENDING_SIZES: dict[str, str] = {}
# The one module that imports sqlite3.
SQLITE_MODULE = "records/connection.py"

# Modules outside cli/ that may import rich when they run, and why. Type-only imports (under
# `if TYPE_CHECKING:`) are allowed everywhere: a service may take a Console it never builds.
RICH_ALLOWED = {
    "assess/quick.py": "the quick re-check's intro and its emergency stop",
    "assess/render.py": "the result screen",
    "assess/summary.py": "the short result screen",
    "render/console.py": "the one console module: lines, questions, long screens, pipes",
    "render/checklist.py": "one checklist question (warning signs at a check-in and in assess --quick)",
    "render/rows.py": "a table when it fits the width, else one block per row",
    "render/page.py": "draws a page (lines, hanging lines, rows) with rich on a terminal",
    "render/plain.py": "writes a page as rich would, with rich's cell widths and word breaks only",
    "render/cells.py": "rich's cell widths, for text that is not one column a character",
    "daily/checkin_flow.py": "asks the check-in questions",
    "daily/render.py": "the progress screen",
    "history/render.py": "the history screen",
    "report/screen.py": "the report drawn on a terminal (rich's Markdown; never in a pipe or --output)",
    "plan/render.py": "the plan table",
    "shoes/render.py": "the shoe-check screen",
    "stretch/preview.py": "--list and --preview",
    "stretch/render.py": "the player's screen",
    "stretch/line_screen.py": "draws the player's lines in place",
    "stretch/floor.py": "the player's big state word, side, countdown and figure",
    "stretch/choice.py": "asks which routine and confirms after a warning sign",
}


# The low packages and what each may import besides itself: the layers below the features. A
# package not named here (and not `cli`) is a feature; a feature may import any low package.
LOWER: dict[str, frozenset[str]] = {
    "core": frozenset(),
    "models": frozenset({"core"}),
    "content": frozenset({"core", "models"}),
    "records": frozenset({"core", "models", "content"}),
    "render": frozenset({"core", "models", "content"}),
}


@dataclass(frozen=True)
class Import:
    module: str  # the imported module, absolute
    line: int
    type_only: bool


@dataclass(frozen=True)
class Module:
    path: Path
    root: Path

    @property
    def rel(self) -> str:
        return self.path.relative_to(self.root).as_posix()

    @property
    def package(self) -> str:
        """The top-level package under footback (`core`, `assess`, ...), or '' for footback itself."""
        parts = self.path.relative_to(self.root).parts
        return parts[0] if len(parts) > 1 else ""

    @property
    def dotted(self) -> str:
        parts = self.path.relative_to(self.root).with_suffix("").parts
        return ".".join(("footback", *parts))

    @property
    def tree(self) -> ast.Module:
        return ast.parse(self.path.read_text(encoding="utf-8"), str(self.path))

    def imports(self) -> Iterator[Import]:
        yield from _imports(self.tree, type_only=False)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(node: ast.AST, *, type_only: bool) -> Iterator[Import]:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _is_type_checking(child):
            for stmt in child.body:
                yield from _imports_of(stmt, type_only=True)
            for stmt in child.orelse:
                yield from _imports_of(stmt, type_only=type_only)
            continue
        yield from _imports_of(child, type_only=type_only)


def _imports_of(node: ast.AST, *, type_only: bool) -> Iterator[Import]:
    if isinstance(node, ast.Import):
        for alias in node.names:
            yield Import(alias.name, node.lineno, type_only)
    elif isinstance(node, ast.ImportFrom):
        if node.level:  # footback uses absolute imports only
            raise AssertionError(f"relative import at line {node.lineno}")
        base = node.module or ""
        yield Import(base, node.lineno, type_only)
        for alias in node.names:  # `from footback import cli` imports the package footback.cli
            yield Import(f"{base}.{alias.name}", node.lineno, type_only)
    else:
        yield from _imports(node, type_only=type_only)


def modules(root: Path = SRC) -> list[Module]:
    return [Module(path, root) for path in sorted(root.rglob("*.py"))]


def footback_package(name: str) -> str | None:
    """`footback.records.db` -> `records`; None for anything outside footback."""
    parts = name.split(".")
    if parts[0] != "footback" or len(parts) < 2 or parts[1].startswith("_"):
        return None  # footback itself, `__version__`, `__main__`
    return parts[1]


def violations(root: Path = SRC) -> list[str]:
    """Every broken rule, one line each (empty when the layering holds)."""
    found: list[str] = []
    packages: dict[str, set[str]] = {}
    files: dict[str, set[str]] = {}
    every = modules(root)
    known = {module.dotted: module for module in every}
    for module in every:
        rel, package = module.rel, module.package
        for imp in module.imports():
            found += _import_problems(module, imp)
            if (target_file := _file_of(imp.module, known)) not in (None, module.dotted):
                files.setdefault(module.dotted, set()).add(target_file)
            target = footback_package(imp.module)
            if target is None or target == package or not package:
                continue
            packages.setdefault(package, set()).add(target)
        if package != "cli":
            found += [f"{rel}:{line}: {what} (only cli/ may)" for line, what in _outside_world(module.tree)]
        found += [problem for key, problem in sizes(module) if key not in PENDING_SIZES]
    found += [f"import cycle: {' -> '.join(cycle)}" for cycle in _cycles(packages)]
    found += [f"import cycle between files: {' -> '.join(cycle)}" for cycle in _cycles(files)]
    return list(dict.fromkeys(found))  # `from a import b` is read as two imports


def sizes(module: Module) -> Iterator[tuple[str, str]]:
    """(key, problem) for each size limit the module breaks; the key names the module
    (`cli/commands/shoes.py`) or a function in it (`stretch/render.py:layout`)."""
    rel = module.rel
    lines = len(module.path.read_text(encoding="utf-8").splitlines())
    if lines > MAX_MODULE_LINES:
        yield rel, f"{rel}: {lines} lines (a module stays within {MAX_MODULE_LINES})"
    if rel.startswith("cli/commands/") and rel not in NOT_COMMANDS and lines > MAX_COMMAND_LINES:
        yield rel, f"{rel}: {lines} lines (a command module stays within {MAX_COMMAND_LINES})"
    for name, node in _functions(module.tree, ""):
        length = (node.end_lineno or node.lineno) - node.lineno + 1
        if length > MAX_FUNCTION_LINES:
            where = f"{rel}:{node.lineno}"
            limit = f"a function stays within {MAX_FUNCTION_LINES}"
            yield f"{rel}:{name}", f"{where}: {name} is {length} lines ({limit})"


def _functions(node: ast.AST, prefix: str) -> Iterator[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
    """Every function and method, nested ones too, by qualified name (`Class.method`, `f.inner`)."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
            yield prefix + child.name, child
            yield from _functions(child, f"{prefix}{child.name}.")
        elif isinstance(child, ast.ClassDef):
            yield from _functions(child, f"{prefix}{child.name}.")
        else:
            yield from _functions(child, prefix)


def _import_problems(module: Module, imp: Import) -> list[str]:
    """What one import breaks: sqlite3, rich, or a layer looking up."""
    rel, package = module.rel, module.package
    top = imp.module.split(".")[0]
    where = f"{rel}:{imp.line}"
    found = []
    if top == "sqlite3" and rel != SQLITE_MODULE:
        found.append(f"{where}: imports sqlite3 (only {SQLITE_MODULE} may)")
    if top == "rich" and not imp.type_only and package != "cli" and rel not in RICH_ALLOWED:
        found.append(f"{where}: imports rich (only cli/ and the modules in RICH_ALLOWED may)")
    target = footback_package(imp.module)
    if target is None or target == package or not package:
        return found
    if target == "cli":
        found.append(f"{where}: {package}/ imports cli/ (nothing imports upwards)")
    elif package in LOWER and target not in LOWER[package]:
        below = ", ".join(f"{p}/" for p in sorted(LOWER[package])) or "no other footback package"
        what = "a feature" if target not in LOWER else "a layer that is not below it"
        found.append(f"{where}: {package}/ imports {target}/, {what} ({package}/ may import {below})")
    return found


def _file_of(name: str, known: dict[str, Module]) -> str | None:
    """The footback file an imported name is (`footback.records.db`, a package's `__init__`), if any."""
    if name in known:
        return name
    return f"{name}.__init__" if f"{name}.__init__" in known else None


def _outside_world(tree: ast.Module) -> Iterator[tuple[int, str]]:
    """Reads of the environment or the config file."""
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "os"
            and node.attr in ("environ", "getenv", "environb", "putenv")
        ):
            yield node.lineno, f"reads os.{node.attr}"
        if isinstance(node, ast.ImportFrom) and node.module == "os":
            for alias in node.names:
                if alias.name in ("environ", "getenv"):
                    yield node.lineno, f"imports os.{alias.name}"
        if isinstance(node, ast.Name) and node.id == "load_settings":
            yield node.lineno, "reads the config file (load_settings)"


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected group of packages (Tarjan), as a readable path."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return [_path_through(graph, group) for group in groups]


def _path_through(graph: dict[str, set[str]], group: list[str]) -> list[str]:
    """A concrete cycle inside a strongly connected group, start and end the same."""
    start = group[0]
    path, seen = [start], {start}
    node = start
    while True:
        options = sorted(n for n in graph.get(node, ()) if n in group)
        if start in options and len(path) > 1:
            return [*path, start]
        nxt = next((n for n in options if n not in seen), start)
        if nxt == start:
            return [*path, start]
        path.append(nxt)
        seen.add(nxt)
        node = nxt


def test_the_layering_holds() -> None:
    assert violations() == []


def test_every_allowed_rich_module_exists() -> None:
    # A renamed module must not leave a stale permission behind.
    assert [rel for rel in RICH_ALLOWED if not (SRC / rel).is_file()] == []


def test_the_sqlite_module_exists_and_alone_imports_sqlite3(tmp_path: Path) -> None:
    assert (SRC / SQLITE_MODULE).is_file()
    root = _tree(tmp_path, {SQLITE_MODULE: "import sqlite3\n", "records/db.py": "import os\n"})
    (root / "records" / "__init__.py").touch()
    assert violations(root) == []


# ---------------------------------------------------------------- the checker catches breakage


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "footback"
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"assess/x.py": "import sqlite3\n"}, "imports sqlite3"),
        ({"records/shoes.py": "import sqlite3\n"}, "imports sqlite3"),
        ({"records/transfer/x.py": "def f():\n    from sqlite3 import Connection\n"}, "imports sqlite3"),
        ({"assess/x.py": "from rich.text import Text\n"}, "imports rich"),
        ({"stretch/x.py": "def f():\n    from rich.prompt import Prompt\n"}, "imports rich"),
        ({"plan/x.py": "import os\nHOME = os.environ.get('HOME')\n"}, "reads os.environ"),
        ({"plan/x.py": "import os\nHOME = os.getenv('HOME')\n"}, "reads os.getenv"),
        ({"plan/x.py": "from footback.cli.config import load_settings\n"}, "imports cli/"),
        ({"core/x.py": "from footback.assess import model\n"}, "core/ imports assess/"),
        (
            {"assess/x.py": "import footback.plan.y\n", "plan/y.py": "from footback.assess import x\n"},
            "import cycle: assess -> plan -> assess",
        ),
        (
            {
                "records/x.py": "from footback.assess import service\n",
                "assess/service.py": "import footback.records.x\n",
            },
            "import cycle: assess -> records -> assess",
        ),
        ({"records/x.py": "from footback.shoes.check import R\n"}, "records/ imports shoes/, a feature"),
        ({"render/x.py": "def f():\n    import footback.daily.y\n"}, "render/ imports daily/, a feature"),
        ({"content/x.py": "from footback.cli import app\n"}, "content/ imports cli/"),
        ({"models/x.py": "from footback.content.loader import Sources\n"}, "models/ imports content/"),
        ({"records/x.py": "from footback.render.rows import Block\n"}, "records/ imports render/"),
        ({"cli/commands/long.py": "x = 1\n" * 101}, "cli/commands/long.py: 101 lines (a command module"),
        ({"plan/long.py": "x = 1\n" * 401}, "plan/long.py: 401 lines (a module stays within 400)"),
        ({"plan/f.py": "def f():\n" + "    x = 1\n" * 60}, "plan/f.py:1: f is 61 lines"),
        (
            {"plan/c.py": "class C:\n    def m(self):\n" + "        x = 1\n" * 60},
            "plan/c.py:2: C.m is 61 lines",
        ),
        (
            {"plan/n.py": "def f():\n    def inner():\n" + "        x = 1\n" * 60},
            "plan/n.py:2: f.inner is 61 lines",
        ),
    ],
)
def test_a_violation_is_reported(tmp_path: Path, files: dict[str, str], expected: str) -> None:
    root = _tree(tmp_path, files)
    for package in {rel.split("/")[0] for rel in files}:
        (root / package / "__init__.py").touch()
    found = violations(root)
    assert any(expected in line for line in found), found


def test_a_type_only_import_of_a_feature_from_below_is_reported(tmp_path: Path) -> None:
    # A low package that names a feature's type still depends on it: the shape belongs in models/.
    root = _tree(
        tmp_path,
        {
            "records/x.py": "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n    from footback.assess.model import R\n",
            "assess/model.py": "R = 1\n",
        },
    )
    assert violations(root) == [
        "records/x.py:3: records/ imports assess/, a feature (records/ may import content/, core/, models/)"
    ]


def test_a_cycle_of_three_files_in_one_package_is_reported(tmp_path: Path) -> None:
    # One package, so no package cycle: only the file graph sees it. One import is inside a
    # function and one is type-only; both are dependencies.
    root = _tree(
        tmp_path,
        {
            "records/a.py": "from footback.records.b import B\n",
            "records/b.py": "def f():\n    from footback.records import c\n",
            "records/c.py": "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n    from footback.records.a import A\n",
            "records/d.py": "import footback.records.a\n",
        },
    )
    assert violations(root) == [
        "import cycle between files: footback.records.a -> footback.records.b -> footback.records.c"
        " -> footback.records.a"
    ]


def test_files_that_import_each_other_one_way_are_no_cycle(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "models/m.py": "from footback.core.x import X\n",
            "core/x.py": "X = 1\n",
            "records/r.py": "from footback.models import m\nfrom footback.core.x import X\n",
            "assess/s.py": "from footback.records.r import R\nfrom footback.models.m import M\n",
            "cli/c.py": "from footback.assess import s\n",
        },
    )
    for package in ("models", "core", "records", "assess", "cli"):
        (root / package / "__init__.py").touch()
    assert violations(root) == []


def test_sizes_at_the_limits_pass(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "plan/f.py": "def f():\n" + "    x = 1\n" * 59,  # 60 lines
            "plan/long.py": "x = 1\n" * 400,
            "cli/commands/short.py": "x = 1\n" * 100,
            "cli/commands/__init__.py": "x = 1\n" * 150,  # the package, not a command
        },
    )
    assert violations(root) == []


def test_every_pending_size_is_still_over() -> None:
    # An entry whose function or module is now short enough (or gone) must be removed.
    over = {key for module in modules() for key, _ in sizes(module)}
    assert sorted(set(PENDING_SIZES) - over) == []


def test_every_not_command_module_exists() -> None:
    assert [rel for rel in NOT_COMMANDS if not (SRC / rel).is_file()] == []


def test_type_only_imports_and_cli_are_allowed(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "assess/x.py": "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n    from rich.console import Console\n",
            "cli/y.py": "import os\nfrom rich.text import Text\n"
            "os.environ.get('X')\nfrom footback.assess import x\n",
        },
    )
    assert violations(root) == []
