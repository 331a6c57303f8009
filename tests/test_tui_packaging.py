"""The stylesheets ship inside the package (reader.styles) and the installed app finds them."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
import zipfile
from importlib import resources
from pathlib import Path

import pytest

from reader.tui import styles_path
from reader.tui.app import ReaderApp

ROOT = Path(__file__).resolve().parent.parent


def test_styles_come_from_the_reader_styles_package():
    path = styles_path()
    assert path == Path(str(resources.files("reader.styles").joinpath("reader.tcss")))
    assert path.is_file()
    assert path.resolve() == (ROOT / "styles" / "reader.tcss").resolve()
    assert Path(ReaderApp.CSS_PATH) == path


def test_help_text_ships_with_the_tui():
    assert resources.files("reader.tui").joinpath("help.md").read_text(encoding="utf-8").startswith("# reader")


def test_every_package_under_reader_is_listed_in_pyproject():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(config["packages"])
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "reader").rglob("__init__.py")
    }
    assert on_disk <= listed, f"add {sorted(on_disk - listed)} to [tool.setuptools] packages"
    assert config["package-dir"]["reader.styles"] == "styles"


def test_styles_use_theme_variables_not_hard_coded_colours():
    text = (ROOT / "styles" / "reader.tcss").read_text(encoding="utf-8")
    values = [ln.split(":", 1)[1] for ln in text.splitlines() if ln.strip().endswith(";") and ":" in ln]
    colour = re.compile(r"#[0-9a-fA-F]{3,8}\b|rgba?\(|hsl|\b(red|blue|green|white|black|yellow|grey|gray)\b")
    assert not [v for v in values if colour.search(v)]
    assert any("$primary" in v for v in values)


@pytest.mark.slow
def test_an_installed_wheel_finds_its_styles(tmp_path):
    """Build the wheel, install it into a bare directory, and ask the installed app for its CSS."""
    wheel_dir = tmp_path / "wheel"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheel_dir), str(ROOT)],
        capture_output=True, text=True, timeout=300, check=False,
    )
    if build.returncode != 0:
        pytest.skip(f"cannot build a wheel here: {build.stderr.strip().splitlines()[-1:]}")
    wheel = next(wheel_dir.glob("reader-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "reader/styles/reader.tcss" in names
    assert "reader/tui/help.md" in names
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    code = (
        "import reader.tui, pathlib, sys; p = reader.tui.styles_path(); "
        "print(p.is_file() and pathlib.Path(sys.argv[1]) in p.parents)"
    )
    # -I would drop site-packages (textual); put the bare install first instead and leave the repo out.
    env = {"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    run = subprocess.run([sys.executable, "-c", code, str(target)], capture_output=True, text=True,
                         timeout=120, check=False, cwd=tmp_path, env=env)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "True"
