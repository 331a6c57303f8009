"""A cached analysis with one field changed, for every field: never a crash, never served broken.

Every value of the seed story's cached analysis (each key of the document, of every actor,
position and link, each list item) is replaced, one at a time, by values of the wrong type or
out of range, or removed. Each mutated entry is either refused on load (discarded, with a
reason) or still a valid analysis, which the reader's panel logic handles. Through Pilot, the
TUI opens on a refused entry of every kind of field with the analysis rebuilt and one
notification; ``make fuzz`` (READER_FUZZ_EXAMPLES over 100) opens it on every field.
"""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Iterator

import pytest
from tui_support import SEED_ANALYSIS, WIDE, article_of, drained, notifications, reader_env, seed_analysis  # noqa: F401

from reader import cache
from reader.model import check_analysis
from reader.tui import ReaderApp
from reader.tui.navigation import Navigator, panel_order, pick_actors
from reader.tui.text import answer_note, position_prompt

pytestmark = pytest.mark.usefixtures("reader_env")

Path_ = tuple[str | int, ...]
MISSING = object()  # the key is removed
EVERY_FIELD_IN_THE_TUI = int(os.environ.get("READER_FUZZ_EXAMPLES", "0")) > 100


def seed_document() -> dict:
    return json.loads(SEED_ANALYSIS.read_text(encoding="utf-8"))


def paths(value: object, prefix: Path_ = ()) -> Iterator[Path_]:
    """Every path to a value in the document, containers included (not the root)."""
    if prefix:
        yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from paths(item, (*prefix, i))


def replacements(original: object) -> list[object]:
    """Values of the wrong type or out of range for ``original``'s place."""
    common: list[object] = [None, 1.5, [], {}, MISSING]
    if isinstance(original, bool):
        return [*common, "true", 1]
    if isinstance(original, int):
        return [*common, "1", -1, 10**9, True]
    if isinstance(original, float):
        return [*common, "0.5", 2.0, -0.1, float("nan")]
    if isinstance(original, str):
        return [*common, "", "x" * 3, "\udcff", 7]
    if isinstance(original, list):
        return [*common, "x", [1.5], [None]]
    if isinstance(original, dict):
        return [*common, "x", {"x": 1}]
    return [*common, "x", 7]


def mutated(document: dict, path: Path_, value: object) -> dict:
    doc = copy.deepcopy(document)
    *parents, last = path
    holder = doc
    for key in parents:
        holder = holder[key]
    if value is MISSING:
        if isinstance(holder, list):
            del holder[last]
        else:
            holder.pop(last)
    else:
        holder[last] = value
    return doc


def every_mutation() -> Iterator[tuple[str, dict]]:
    document = seed_document()
    for path in paths(document):
        holder = document
        for key in path:
            holder = holder[key]
        for value in replacements(holder):
            label = "/".join(map(str, path)) + f"={'<missing>' if value is MISSING else repr(value)[:12]}"
            yield label, mutated(document, path, value)


def write_entry(document: dict, text: str, label: str) -> os.PathLike:
    path = cache.entry_path(text, label)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8", errors="surrogatepass")
    return path


def exercise_panel_logic(analysis) -> None:
    """What the TUI computes from an analysis before and while drawing it (no Textual app)."""
    order = panel_order(analysis)
    picked = pick_actors(analysis, None)
    nav = Navigator(analysis, shown=order)
    while nav.step(1):
        position = nav.current
        position_prompt(analysis, position, lit=False)
        answer_note(analysis, position)
        nav.links_of(position.id)
    nav.next_unanswered()
    assert set(picked) <= set(order) | {a.id for a in analysis.actors}


def test_every_single_mutation_is_refused_or_valid():
    seed = seed_analysis()
    label = cache.model_label_for(None)
    refused = accepted = 0
    for name, document in every_mutation():
        entry = write_entry(document, seed.text, label)
        problems: list[str] = []
        loaded = cache.load_cached(seed.text, label, problems=problems)
        if loaded is None:
            refused += 1
            assert len(problems) == 1 and "\n" not in problems[0], name
            assert not entry.exists(), name
        else:
            accepted += 1
            assert problems == [], name
            check_analysis(document)
            exercise_panel_logic(loaded)
    assert refused > 1000 and accepted > 0


def first_mutation_of_every_field(valid: bool) -> list[tuple[str, dict]]:
    """One refused (or still valid) mutation for each kind of field (actors[*].name counts
    once), or every one of them."""
    seen: set[str] = set()
    chosen = []
    for name, document in every_mutation():
        try:
            check_analysis(document)
            if not valid:
                continue
        except ValueError:
            if valid:
                continue
        field = "/".join(part for part in name.split("=")[0].split("/") if not part.isdigit())
        if EVERY_FIELD_IN_THE_TUI or field not in seen:
            seen.add(field)
            chosen.append((name, document))
    return chosen


def _name(value: object) -> str:
    return value if isinstance(value, str) else ""


@pytest.mark.parametrize("name, document", first_mutation_of_every_field(valid=False), ids=_name)
async def test_tui_opens_with_the_analysis_rebuilt(monkeypatch, name, document):
    import reader.nlp
    import reader.pipeline

    seed = seed_analysis()
    label = cache.model_label_for(None)
    write_entry(document, seed.text, label)
    monkeypatch.setattr(reader.nlp, "load_nlp", lambda name=None: "nlp")
    monkeypatch.setattr(reader.pipeline, "analyze", lambda article, nlp: seed)
    app = ReaderApp(article_of(seed))
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        screen = app.main_screen
        assert screen.failed is None
        assert screen.analysis == seed
        assert screen.nav.selected == "p1"
        told = [m for m in notifications(app) if "discarded" in m]
        assert len(told) == 1, notifications(app)
    assert cache.load_cached(seed.text, label) == seed


@pytest.mark.parametrize("name, document", first_mutation_of_every_field(valid=True), ids=_name)
async def test_tui_shows_a_changed_but_valid_entry(monkeypatch, name, document):
    import reader.nlp

    seed = seed_analysis()
    label = cache.model_label_for(None)
    write_entry(document, seed.text, label)
    monkeypatch.setattr(reader.nlp, "load_nlp", lambda name=None: pytest.fail("a valid entry is used as it is"))
    app = ReaderApp(article_of(seed))
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        screen = app.main_screen
        assert screen.failed is None and screen.analysis is not None
        for key in ("j", "enter", "f", "a"):
            await pilot.press(key)
        await pilot.pause()
        assert not [m for m in notifications(app) if "discarded" in m]


def test_the_reported_crash_start_one_and_a_half():
    document = seed_document()
    document["positions"][0]["start"] = 1.5
    with pytest.raises(ValueError, match=r"positions\[0\]\.start"):
        check_analysis(document)


async def test_a_fifo_entry_never_blocks_the_tui(monkeypatch):
    import reader.nlp
    import reader.pipeline

    seed = seed_analysis()
    label = cache.model_label_for(None)
    path = cache.entry_path(seed.text, label)
    path.parent.mkdir(parents=True)
    os.mkfifo(path)
    monkeypatch.setattr(reader.nlp, "load_nlp", lambda name=None: "nlp")
    monkeypatch.setattr(reader.pipeline, "analyze", lambda article, nlp: seed)
    app = ReaderApp(article_of(seed))
    async with app.run_test(size=WIDE) as pilot:
        await drained(app, pilot)
        assert app.main_screen.analysis == seed
        assert any("not a regular file" in m for m in notifications(app))
    assert path.is_file() and cache.load_cached(seed.text, label) == seed


def test_load_cached_refuses_special_files_and_deep_nesting(tmp_path):
    seed = seed_analysis()
    path = cache.entry_path(seed.text, "en_x-1")
    path.parent.mkdir(parents=True)
    os.mkfifo(path)
    problems: list[str] = []
    assert cache.load_cached(seed.text, "en_x-1", problems=problems) is None
    assert problems == ["the cached analysis is not a regular file"] and not path.exists()
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    problems.clear()
    assert cache.load_cached(seed.text, "en_x-1", problems=problems) is None
    assert len(problems) == 1 and not path.exists()


def test_save_never_opens_an_existing_file(tmp_path):
    """A FIFO planted where the entry goes is replaced, not opened (which would block)."""
    seed = seed_analysis()
    path = cache.entry_path(seed.text, "en_x-1")
    path.parent.mkdir(parents=True)
    os.mkfifo(path)
    assert cache.save_cached(seed, "en_x-1") == path
    assert path.is_file() and cache.load_cached(seed.text, "en_x-1") == seed
    assert [p.name for p in path.parent.iterdir()] == [path.name]
