"""Writing an Analysis out: JSON (the ``reader.analysis/1`` contract), Markdown or plain text.

No spaCy and no Textual here: these functions only read the plain dataclasses.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from .ingest import display_name
from .model import Analysis, Link, Position, Publication, analysis_to_dict, kind_badge

FORMATS = ("json", "markdown", "text")
ANSWERABLE = ("demand", "offer")
TEXT_WIDTH = 160
MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")
CORRECTED = "corrected"  # the flag of what the user corrected (reader.corrections) in reports


def render(analyses: Analysis | list[Analysis], fmt: str) -> str:
    """One of :data:`FORMATS` for one analysis or several."""
    if fmt == "json":
        return to_json(analyses)
    if fmt == "markdown":
        return to_markdown(analyses)
    if fmt == "text":
        return to_text(analyses)
    raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")


def _as_list(analyses: Analysis | Iterable[Analysis]) -> list[Analysis]:
    return [analyses] if isinstance(analyses, Analysis) else list(analyses)


# --- JSON -------------------------------------------------------------------------------------


def to_json(analyses: Analysis | list[Analysis], indent: int | None = 2) -> str:
    """One analysis as a JSON object; a list of analyses as a JSON array."""
    if isinstance(analyses, Analysis):
        data: dict | list = analysis_to_dict(analyses)
    else:
        data = [analysis_to_dict(a) for a in analyses]
    return json.dumps(data, ensure_ascii=False, indent=indent)


# --- Markdown ---------------------------------------------------------------------------------


def to_markdown(analyses: Analysis | list[Analysis]) -> str:
    """A readable report per article, grouped by actor, with answers and unanswered positions.

    What the user corrected is flagged: a party renamed or merged ``## NATO (organization, corrected)``,
    a position ``_(¶3, p5, corrected)_``, a link added ``(score 1.00, rejects: ..., corrected)``.
    """
    return "\n\n---\n\n".join(_markdown_one(a) for a in _as_list(analyses)) + "\n"


def _markdown_one(analysis: Analysis) -> str:
    source = display_name(analysis.source)
    out = [f"# {md_escape(analysis.title or source)}", ""]
    if analysis.publication:
        out += [markdown_publication(analysis.publication), ""]
    out.append(f"Source: {md_code(source)} · model: {md_code(analysis.model)} · "
               f"{len(analysis.actors)} actors · {len(analysis.positions)} positions · "
               f"{len(analysis.links)} links")
    if not analysis.positions:
        out += ["", "_No stated positions found._"]
    for actor_id, positions in _by_actor(analysis).items():
        actor = analysis.actor(actor_id)
        name = actor.name if actor else actor_id
        notes = [actor.kind, CORRECTED if actor.corrected else ""] if actor else []
        kind = f" ({', '.join(n for n in notes if n)})" if actor else ""
        out += ["", f"## {md_escape(name)}{kind}", ""]
        for p in positions:
            out.append(_markdown_position(analysis, p))
            out += _markdown_answers(analysis, p)
    unanswered = [p for pid in analysis.unanswered if (p := analysis.position(pid))]
    if unanswered:
        out += ["", "## Unanswered", ""]
        for p in unanswered:
            out.append(f"- {_actor_name(analysis, p.actor)}: {_markdown_position(analysis, p)[2:]}")
    return "\n".join(out)


def markdown_publication(publication: Publication) -> str:
    """'Published: Reuters · 2003-12-27 · <https://...>', with only what is known."""
    parts = []
    if publication.outlet:
        parts.append(md_escape(publication.outlet))
    if publication.date:
        parts.append(publication.date)
    if publication.url:
        url = publication.url
        parts.append(f"<{url}>" if not re.search(r"[<>\s`]", url) else md_code(url))
    return "Published: " + " · ".join(parts)


def publication_line(publication: Publication) -> str:
    """'Reuters · 2003-12-27 · https://...' with only what is known ('' when nothing is)."""
    return " · ".join(one_line(part) for part in (publication.outlet, publication.date, publication.url) if part)


def _by_actor(analysis: Analysis) -> dict[str, list[Position]]:
    groups: dict[str, list[Position]] = {a.id: [] for a in analysis.actors}
    for p in analysis.positions:
        groups.setdefault(p.actor, []).append(p)
    return {k: v for k, v in groups.items() if v}


def _markdown_position(analysis: Analysis, p: Position) -> str:
    parts = [f"- **{badge(p.kind)}**"]
    if p.speaker:
        parts.append(f"{md_escape(p.speaker)}:")
    parts.append(f"“{md_escape(one_line(p.text))}”")
    if p.targets:
        parts.append("→ " + ", ".join(md_escape(_actor_name(analysis, t)) for t in p.targets))
    parts.append(f"_(¶{p.paragraph + 1}, {p.id}{', ' + CORRECTED if p.corrected else ''})_")
    return " ".join(parts)


def _markdown_answers(analysis: Analysis, p: Position) -> list[str]:
    if p.kind not in ANSWERABLE:
        return []
    lines = []
    for link in answers_to(analysis, p.id):
        answer = analysis.position(link.target)
        if answer is None:
            continue
        lines.append(f"  - answered by {md_escape(_actor_name(analysis, answer.actor))} "
                     f"**{badge(answer.kind)}** “{md_escape(shorten(answer.text, TEXT_WIDTH))}” "
                     f"(score {link.score:.2f}, {link.relation}: {md_escape(link.reason)}"
                     f"{', ' + CORRECTED if link.corrected else ''})")
    return lines


def answers_to(analysis: Analysis, position_id: str) -> list[Link]:
    """Links whose answered position is ``position_id``, best first."""
    return sorted((lk for lk in analysis.links if lk.source == position_id), key=lambda lk: -lk.score)


# --- text -------------------------------------------------------------------------------------


def to_text(analyses: Analysis | list[Analysis]) -> str:
    """A compact listing: a header per article, then one line per position."""
    blocks = []
    for analysis in _as_list(analyses):
        source = display_name(analysis.source)
        name = f"{one_line(analysis.title)} ({source})" if analysis.title else source
        lines = [f"== {name}: {len(analysis.positions)} positions"]
        for p in analysis.positions:
            speaker = f" [{one_line(p.speaker)}]" if p.speaker else ""
            lines.append(f"{p.id}\t{_actor_name(analysis, p.actor)}\t{p.kind}{speaker}\t"
                         f"{shorten(p.text, TEXT_WIDTH)}")
        for link in analysis.links:
            lines.append(f"link\t{link.source} -> {link.target}\t{link.relation}\t{link.score:.2f}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


# --- helpers ----------------------------------------------------------------------------------


def badge(kind: str) -> str:
    return kind_badge(kind)


def one_line(text: str) -> str:
    return " ".join(text.split())


def shorten(text: str, width: int) -> str:
    text = one_line(text)
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def md_escape(text: str) -> str:
    return MD_SPECIAL.sub(r"\\\1", one_line(text))


def md_code(text: str) -> str:
    """``text`` as inline code, whatever backticks it holds (a fence longer than any run in it)."""
    text = one_line(text)
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _actor_name(analysis: Analysis, actor_id: str) -> str:
    actor = analysis.actor(actor_id)
    return actor.name if actor else actor_id
