"""The report in a real browser: headless Chromium opens the file, runs its script under its
own Content-Security-Policy, sorts, fits a phone's width, and gives screenshots.

Chromium is the Debian package ``chromium``; the session installs it (with a Japanese font)
when it is missing, we are root, and RNN_GRADER_INSTALL_BROWSER is not "0"; otherwise these
tests are skipped with the reason.  Copies of the screenshots go to /tmp/report_shots/.
"""
from __future__ import annotations

import base64
import hashlib
import os
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from rnn_grader.report import write_report
from report_builders import XSS_NAME, grade_class, parse

PACKAGES = ["chromium", "fonts-ipafont-gothic"]
SHOTS = Path("/tmp/report_shots")
HEIGHT = 2000
MIN_LAYOUT_WIDTH = 500
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def apt_install(packages: list[str]) -> str:
    """Install with apt-get (updating the package lists once if the first try fails)."""
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    command = ["apt-get", "install", "-y", "--no-install-recommends", *packages]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=1800)
    if done.returncode != 0:
        subprocess.run(["apt-get", "update"], capture_output=True, env=env, timeout=600)
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=1800)
    return (done.stdout + done.stderr)[-500:]


def japanese_font_missing() -> bool:
    if shutil.which("fc-list") is None:
        return True
    listed = subprocess.run(["fc-list", ":lang=ja"], capture_output=True, text=True, timeout=60)
    return not listed.stdout.strip()


@pytest.fixture(scope="session")
def chromium() -> str:
    """The chromium executable, installed here when allowed; the test is skipped otherwise."""
    allowed = os.environ.get("RNN_GRADER_INSTALL_BROWSER", "1") != "0"
    can_install = allowed and os.geteuid() == 0 and shutil.which("apt-get") is not None
    found = shutil.which("chromium")
    log = ""
    if found is None and can_install:
        log = apt_install(PACKAGES)
        found = shutil.which("chromium")
    if found is None:
        why = ("RNN_GRADER_INSTALL_BROWSER=0" if not allowed else
               "not root or no apt-get" if not can_install else f"apt-get failed: {log}")
        pytest.skip(f"headless Chromium (Debian package `chromium`) is missing and cannot be installed ({why})")
    if can_install and japanese_font_missing():
        apt_install(PACKAGES[1:])  # without it Japanese shows as boxes; not fatal
    return found


@pytest.fixture(scope="module")
def cohort(sandbox, tmp_path_factory):
    return grade_class(tmp_path_factory.mktemp("class"), sandbox)


def run_chromium(chromium: str, tmp_path: Path, page: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / f"profile-{len(list(tmp_path.iterdir()))}"
    return subprocess.run([chromium, *FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()],
                          capture_output=True, text=True, timeout=180)


def png_facts(path: Path) -> tuple[int, int, int, tuple]:
    """(width, height, distinct byte values of the pixel data, RGB of the top-left pixel) of
    an 8-bit RGB(A) PNG.  The first pixel's bytes are raw whatever the row's filter (its
    left and upper neighbours count as zero)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
    assert depth == 8 and colour in (2, 6), (depth, colour)
    chunks, at = [], 8
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        if kind == b"IDAT":
            chunks.append(data[at + 8:at + 8 + length])
        at += 12 + length
    pixels = zlib.decompress(b"".join(chunks))
    return width, height, len(set(pixels)), tuple(pixels[1:4])


def phone_frame(page: Path, width: int) -> Path:
    """A page showing ``page`` in an iframe ``width`` CSS px wide.  Headless Chromium lays a
    page out at least 500 px wide whatever --window-size says (narrower shots are crops);
    inside the iframe the report gets the phone's true width, media queries included."""
    frame = page.with_name(f"phone-{page.name}")
    frame.write_text('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>phone</title></head>'
                     '<body style="margin:0"><iframe title="report" src="' + page.name + '" style="border:0;'
                     f'display:block;width:{width}px;height:{HEIGHT}px"></iframe></body></html>',
                     encoding="utf-8")
    return frame


def screenshot(chromium: str, tmp_path: Path, page: Path, name: str, width: int, keep: bool = True) -> Path:
    """A ``width`` x HEIGHT screenshot of ``page`` (through ``phone_frame`` below 500 px);
    ``keep``: copy it to SHOTS for people to look at."""
    png = tmp_path / name
    shown = phone_frame(page, width) if width < MIN_LAYOUT_WIDTH else page
    done = run_chromium(chromium, tmp_path, shown, f"--screenshot={png}", f"--window-size={width},{HEIGHT}")
    assert png.is_file(), done.stderr[-2000:]
    if keep:
        SHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copy(png, SHOTS / name)
    return png


def with_probe(html: str, probe: str) -> str:
    """The page with one more inline script at the end, allowed by adding its hash to the CSP."""
    digest = base64.b64encode(hashlib.sha256(probe.encode()).digest()).decode()
    html = html.replace("script-src ", f"script-src 'sha256-{digest}' ", 1)
    return html.replace("</body>", f"<script>{probe}</script>\n</body>", 1)


@pytest.mark.parametrize("lang,width", [("en", 1280), ("en", 390), ("ja", 390)])
def test_screenshot(chromium, cohort, tmp_path, lang, width):
    page = tmp_path / f"report-{lang}.html"
    write_report(cohort, page, lang)
    png = screenshot(chromium, tmp_path, page, f"report_{lang}_{width}.png", width)
    got_width, got_height, distinct, _ = png_facts(png)
    assert (got_width, got_height) == (width, HEIGHT)
    assert png.stat().st_size > 20_000 and distinct > 50      # text, tables and charts, not a blank page


def test_script_runs_under_the_csp_and_sorts(chromium, cohort, tmp_path):
    """Clicking "Total" twice sorts by total, descending (ties keep their order)."""
    page = tmp_path / "report.html"
    write_report(cohort, page, "en")
    total_column = 2                                          # student, gradient_clipping, total
    probe = ("var b = document.querySelectorAll('#students-table thead th')"
             f"[{total_column}].querySelector('button'); b.click(); b.click();")
    page.write_text(with_probe(page.read_text(encoding="utf-8"), probe), encoding="utf-8")
    done = run_chromium(chromium, tmp_path, page, "--dump-dom")
    tree = parse(done.stdout)
    table = tree.by_id("students-table")
    heads = table.find("thead").find_all("th")
    assert all(th.find_all("button") for th in heads), "the page's script did not run"
    assert heads[total_column].attrs.get("aria-sort") == "descending"
    order = [row[0] for row in table.rows()]
    assert order[:3] == ["alice", "bob", "frank"]
    assert tree.find_all("img") == [] and XSS_NAME in order


def test_fits_a_phone_without_sideways_scrolling(chromium, cohort, tmp_path):
    """In a 390 px viewport the page itself is no wider than the screen (wide tables scroll
    inside their own box).  The probe paints the viewport green when it fits, red when not,
    with blue = viewport width - 300, and the screenshot's first pixel is read back."""
    page = tmp_path / "report.html"
    write_report(cohort, page, "ja")
    probe = ("var d = document.documentElement, fits = d.scrollWidth <= d.clientWidth;"
             "var cover = document.createElement('div');"
             "cover.style.cssText = 'position:fixed;top:0;left:0;right:0;bottom:0;z-index:9;background:rgb('"
             " + (fits ? '0,255,' : '255,0,') + Math.max(0, Math.min(255, innerWidth - 300)) + ')';"
             "document.body.appendChild(cover);")
    page.write_text(with_probe(page.read_text(encoding="utf-8"), probe), encoding="utf-8")
    png = screenshot(chromium, tmp_path, page, "probe_fit_390.png", 390, keep=False)
    assert png_facts(png)[3] == (0, 255, 390 - 300), "red: the page is wider than the phone"
