"""Clean pages of the `chromium` corpus: each page model's HTML laid out by headless
Chromium (Playwright) and screenshot at 200 dpi (A4 is 794 × 1123 CSS px at 96 dpi),
fonts loaded by @font-face from their files only. With each image comes the text the
rendered document itself holds (the DOM's innerText with the seal hidden), which a test
checks the truth against."""

from __future__ import annotations

import random
import shutil
import tempfile
from collections import Counter
from pathlib import Path

import cv2
import numpy as np
from playwright.sync_api import sync_playwright

from reporting_corpora.chromium_layouts import LAYOUTS as _LAYOUTS
from reporting_corpora.chromium_model import Page, document

LAYOUTS = tuple(_LAYOUTS)
DPI = 200
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--allow-file-access-from-files",  # the @font-face files
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--font-render-hinting=none",
]
_DOM_TEXT = """section => {
  const seals = [...section.querySelectorAll('.seal')];
  seals.forEach(s => s.style.display = 'none');
  const text = section.innerText;
  seals.forEach(s => s.style.display = '');
  return text;
}"""


def model(layout: str, rng: random.Random) -> Page:
    return _LAYOUTS[layout](rng)


def check_truth(page: Page, dom_text: str) -> None:
    """The truth holds the characters the rendered document holds, each as often (seal
    words left out; whitespace carries no meaning)."""
    truth, dom = Counter("".join(page.truth().split())), Counter("".join(dom_text.split()))
    if truth != dom:
        raise ValueError(f"{page.title}: truth and document differ: {truth - dom} / {dom - truth}")


def render_all(pages: list[Page]) -> list[tuple[np.ndarray, str]]:
    """(BGR image at DPI, the document's own text) per page, in one Chromium."""
    out = []
    with tempfile.TemporaryDirectory(prefix="chromium-corpus-") as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=_ARGS)
        try:
            context = browser.new_context(
                viewport={"width": 794, "height": 1123}, device_scale_factor=DPI / 96
            )
            tab = context.new_page()
            path = Path(tmp) / "pages.html"
            path.write_text(document(pages), encoding="utf-8")
            tab.goto(path.as_uri())
            tab.evaluate("document.fonts.ready.then(() => true)")
            for section in tab.locator("section.pg").all():
                png = section.screenshot(type="png")
                image = cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_COLOR)
                assert image is not None
                out.append((np.asarray(image), str(section.evaluate(_DOM_TEXT))))
        finally:
            browser.close()
    return out
