"""An issued license's OFD opens in a second, independent reader: ofd.js (npm, pure
JavaScript, written by others) in headless Chromium draws its page - text, QR image and
the seal picture from inside the SES_Signature - and checks the e-seal's SM2 signature
with its own sm-crypto. The screenshot goes to var/screenshots/license-ofd.png."""

from __future__ import annotations

import base64
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from cases.config import Settings
from cases.db import session_scope
from cases.hall import Hall
from cases.results.licenses import find_license
from models import StoredObject
from tests.licensing import add_staff, issue_sample_license

READER = Path(__file__).resolve().parents[1] / "node" / "node_modules" / "ofd.js" / "lib"
SHOTS = Path("var/screenshots")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

RENDER = """(b64) => new Promise((resolve) => {
    const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
    const seals = [];
    const log = console.log;
    console.log = (...args) => {  // ofd.js reports each e-seal it checks on the console
        for (const a of args) if (a && typeof a === 'object' && 'verifyRet' in a) seals.push(a);
        log(...args);
    };
    ofd.parseOfdDocument({
        ofd: bytes.buffer,
        success(res) {
            const out = document.getElementById('out');
            for (const div of ofd.renderOfd(794, res[0])) out.appendChild(div);
            resolve({pages: out.children.length, seals: seals.map(s => [s.type, s.verifyRet])});
        },
        fail(e) { resolve({error: String(e)}); },
    });
})"""


@pytest.fixture(scope="module")
def license_ofd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[bytes]:
    hall = Hall.open(Settings(data_dir=tmp_path_factory.mktemp("ofd-view")))
    add_staff(hall, clerk="ov-c", reviewer="ov-r")
    number, _ = issue_sample_license(hall, 61, clerk="ov-c", reviewer="ov-r")
    with session_scope(hall.sessions) as s:
        license_ = find_license(s, number)
        assert license_.ofd_object_id is not None
        ofd = hall.store.get(s.get_one(StoredObject, license_.ofd_object_id).key)
    hall.close()
    yield ofd


def _render(ofd: bytes, screenshot: Path | None = None) -> dict[str, object]:
    assert (READER / "ofd.umd.min.js").exists(), "run `make node-deps`"
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(viewport={"width": 840, "height": 1180})
        page.set_content(
            "<html><body style='margin:0;background:#ccc'><div id='out'></div></body></html>"
        )
        page.add_script_tag(path=str(READER / "ofd.umd.min.js"))
        result: dict[str, object] = page.evaluate(RENDER, base64.b64encode(ofd).decode())
        result["text"] = "".join(page.inner_text("#out").split())  # a box per glyph
        if screenshot is not None:
            page.wait_for_timeout(300)  # the seal picture is an <img> decoded asynchronously
            page.screenshot(path=str(screenshot), full_page=True)
        browser.close()
    return result


def test_the_license_ofd_renders_in_ofd_js_and_its_seal_checks_there(license_ofd: bytes) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    result = _render(license_ofd, SHOTS / "license-ofd.png")
    assert "error" not in result, result
    assert result["pages"] == 1
    assert result["seals"] == [["png", True]]  # the seal picture, and its signature verified
    text = str(result["text"])
    for expected in ("个体工商户登记证明", "发证机关", "长期"):
        assert expected in text, text
    assert (SHOTS / "license-ofd.png").stat().st_size > 20_000


def test_ofd_js_refuses_a_seal_whose_signature_was_changed(license_ofd: bytes) -> None:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(license_ofd)) as archive:
        files = {n: archive.read(n) for n in archive.namelist()}
    value = "Doc_0/Signs/Sign_0/SignedValue.dat"  # ends in the signer's s value: DER stays
    files[value] = files[value][:-1] + bytes([files[value][-1] ^ 0x01])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    result = _render(out.getvalue())
    assert result.get("seals") == [["png", False]], result
