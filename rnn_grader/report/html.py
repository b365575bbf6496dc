"""HTML building blocks of the report: escaping, elements, tables, and the page shell.

Rule: every string that did not come from this package (student folder names, quiz
answers, messages quoting exceptions, printed output, even exercise titles) goes through
``esc`` before it is placed in the page; functions taking ``html`` arguments take markup
that was already built this way.  The page also carries a Content-Security-Policy that
allows only its own inline script (by hash), as a second line of defence.
"""
from __future__ import annotations

import base64
import hashlib
import html
import re
from dataclasses import dataclass

CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def esc(value) -> str:
    """``value`` as text that HTML shows literally (``<`` -> ``&lt;``, quotes too); control
    characters, which HTML forbids, bidirectional overrides (text shown in another order) and
    lone surrogates (not writable as UTF-8) become U+FFFD."""
    return html.escape(CONTROL.sub("\ufffd", str(value)), quote=True)


def element(tag: str, content: str = "", **attributes) -> str:
    """``<tag attr="...">content</tag>``; ``content`` is markup, attribute values are escaped.
    ``class_`` stands for ``class``; None values are left out."""
    attrs = "".join(f' {name.rstrip("_").replace("_", "-")}="{esc(value)}"'
                    for name, value in attributes.items() if value is not None)
    return f"<{tag}{attrs}>{content}</{tag}>"


@dataclass(frozen=True)
class Cell:
    """One table cell: ``html`` markup; ``sort`` the value the sorting script uses (a number
    for numeric columns); ``numeric`` right-aligns it; ``row_header`` makes it ``<th scope=row>``."""

    html: str
    sort: float | str | None = None
    numeric: bool = False
    row_header: bool = False
    class_: str | None = None


def cell(c: Cell) -> str:
    classes = " ".join(filter(None, ["num" if c.numeric else None, c.class_])) or None
    sort = None if c.sort is None else (f"{c.sort:g}" if isinstance(c.sort, (int, float)) else str(c.sort))
    if c.row_header:
        return element("th", c.html, scope="row", class_=classes, data_sort=sort)
    return element("td", c.html, class_=classes, data_sort=sort)


def table(table_id: str, caption: str, headers: list[tuple[str, bool]], rows: list[list[Cell]],
          *, sortable: bool = False) -> str:
    """A captioned table in a horizontally scrolling box (focusable, named by its caption).

    headers: (escaped heading markup, numeric?) per column, each ``<th scope="col">``;
    sortable: the inline script turns the headings into sort buttons (without script the
    table stays in the order given)."""
    head = "".join(element("th", h, scope="col", class_="num" if numeric else None) for h, numeric in headers)
    body = "".join(element("tr", "".join(cell(c) for c in row)) for row in rows)
    inner = (element("caption", caption, id=f"{table_id}-caption") + element("thead", element("tr", head))
             + element("tbody", body))
    return element("div", element("table", inner, id=table_id, class_="sortable" if sortable else None),
                   class_="scroll", role="region", tabindex="0", aria_labelledby=f"{table_id}-caption")


SCRIPT = """
(function () {
  function key(cell) {
    var v = cell.getAttribute("data-sort");
    if (v !== null && v !== "" && !isNaN(Number(v))) return Number(v);
    return (v !== null ? v : cell.textContent).trim().toLowerCase();
  }
  function compare(x, y) {
    if (typeof x === "number" && typeof y === "number") return x - y;
    if (typeof x === "number") return -1;
    if (typeof y === "number") return 1;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, col) {
      var button = document.createElement("button");
      button.type = "button";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var d = compare(key(a.cells[col]), key(b.cells[col]));
          return ascending ? d : -d;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
"""

STYLE = """
:root { color-scheme: light; --fg: #1b1b1b; --muted: #4a4a4a; --line: #c8cdd6; --head: #eaf0f7; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); background: #fff;
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Noto Sans CJK JP", sans-serif; }
main { max-width: 64rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; margin: .5rem 0; }
h2 { font-size: 1.3rem; margin-top: 2.2rem; border-bottom: 2px solid var(--line); padding-bottom: .2rem; }
h3 { font-size: 1.08rem; margin-top: 1.6rem; }
p.meta, figcaption, caption { color: var(--muted); }
nav ol { margin: .3rem 0; padding-left: 1.4rem; }
.scroll { overflow-x: auto; max-width: 100%; margin: .4rem 0 1rem; }
.scroll:focus { outline: 2px solid #2f5d9b; }
table { border-collapse: collapse; min-width: 100%; }
caption { text-align: left; padding: .25rem 0; font-size: .92rem;
  position: sticky; left: 0; max-width: calc(100vw - 1.5rem); }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { background: var(--head); white-space: nowrap; }
th.num, td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
th button { font: inherit; font-weight: 700; color: inherit; background: none; border: 0; padding: 0;
  cursor: pointer; text-align: inherit; }
th button:focus { outline: 2px solid #2f5d9b; }
th[aria-sort="ascending"] button::after { content: " \\25B2"; }
th[aria-sort="descending"] button::after { content: " \\25BC"; }
.student { word-break: break-all; min-width: 6rem; max-width: 16rem; }
.explanation { min-width: 11rem; }
.exercise { min-width: 9rem; }
.messages-cell { min-width: 13rem; overflow-wrap: anywhere; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: 1rem 1.5rem; }
figure { margin: 0; }
figcaption { font-size: .9rem; }
figcaption strong { color: var(--fg); }
svg.chart { display: block; width: 100%; max-width: 36rem; height: auto; }
svg.bars { max-width: 30rem; }
svg.chart text { fill: #1b1b1b; font-family: inherit; }
svg.chart .name { font-family: ui-monospace, Menlo, Consolas, monospace; }
svg.chart .axis { stroke: #444; stroke-width: 1; }
code, .mono { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .92em; }
.status { display: inline-block; font-size: .8rem; padding: 0 .35rem; border-radius: .25rem; margin-left: .2rem; }
.st-passed { background: #dff3e4; }
.st-failed { background: #fff1c2; }
.st-timeout, .st-memory, .st-crashed, .st-error { background: #f9d9dc; }
.st-missing { background: #e6e8eb; }
.badge { display: inline-block; font-size: .75rem; background: #2f5d9b; color: #fff;
  padding: 0 .35rem; border-radius: .25rem; margin-left: .3rem; }
ul.messages { margin: 0; padding-left: 1.1rem; }
pre { white-space: pre-wrap; word-break: break-all; max-height: 12rem; overflow: auto;
  background: #f4f6f8; padding: .4rem; margin: .3rem 0 0; font-size: .85rem; }
@media (max-width: 40rem) {
  body { font-size: 15px; }
  main { padding: .6rem .7rem 2rem; }
  h1 { font-size: 1.35rem; }
  th, td { padding: .25rem .35rem; }
  .explanation, .messages-cell { min-width: 8rem; }
  td code, th code { overflow-wrap: anywhere; }
}
"""


def script_hash(script: str) -> str:
    """The CSP source expression that allows exactly this inline script."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def page(lang: str, title: str, body: str) -> str:
    """The whole document: ``lang`` attribute, viewport, CSP, inline style and script.
    ``title`` is plain text; ``body`` is markup."""
    policy = f"default-src 'none'; style-src 'unsafe-inline'; script-src {script_hash(SCRIPT)}; img-src data:"
    return ("<!DOCTYPE html>\n"
            f'<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{esc(policy)}">\n'
            f"<title>{esc(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
            f"<main>\n{body}\n</main>\n<script>{SCRIPT}</script>\n</body>\n</html>\n")
