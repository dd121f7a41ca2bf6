"""Page geometry on generated captures: sheet found in photos, sideways pages detected."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from ocr.geometry import _shadowed, find_page, flatten_light, lies_sideways, turn, warp_page
from ocr.preprocess import decode_image
from sample_scans.scans import CAPTURES, SampleApplicant, generate_page

ITEM = "食品经营许可"


@pytest.fixture(scope="module")
def captures(applicant: SampleApplicant) -> dict[str, np.ndarray]:
    return {
        kind: decode_image(
            generate_page(ITEM, "application_form", applicant, seed=4, capture_kind=kind).data
        )
        for kind in CAPTURES
    }


@pytest.mark.parametrize("kind", ["phone", "camera"])
def test_sheet_found_and_warped_upright(captures: dict[str, np.ndarray], kind: str) -> None:
    image = captures[kind]
    quad = find_page(image)
    assert quad is not None
    page = warp_page(image, quad)
    h, w = page.shape[:2]
    assert 1.3 < h / w < 1.5  # A4 portrait again (1.414)
    # the background is gone: the border of the warped page is paper, not desk
    assert float(np.median(page[5:40, :, :])) > 150


@pytest.mark.parametrize("kind", ["scanner", "rotated180"])
def test_scans_filling_the_frame_are_not_warped(captures: dict[str, np.ndarray], kind: str) -> None:
    assert find_page(captures[kind]) is None


@pytest.mark.parametrize("kind", CAPTURES)
def test_sideways_pages_detected(captures: dict[str, np.ndarray], kind: str) -> None:
    assert lies_sideways(captures[kind]) == (kind in ("rotated90", "rotated270"))
    if kind == "rotated90":
        assert not lies_sideways(turn(captures[kind], 1))


def _pale_copy_in_a_dashed_frame(page: np.ndarray) -> np.ndarray:
    """The page copied pale (its print a little below its grey paper) in a dark double
    frame the copying broke into dashes."""
    gray = cv2.cvtColor(page, cv2.COLOR_BGR2GRAY).astype(np.float32)
    pale = (100 + gray * 0.55).astype(np.uint8)
    h, w = pale.shape
    for inset in (40, 52):
        for y in range(inset, h - inset, 14):  # the sides, in dashes 9 px long
            pale[y : y + 9, inset : inset + 3] = 20
            pale[y : y + 9, w - inset - 3 : w - inset] = 20
        for x in range(inset, w - inset, 14):
            pale[inset : inset + 3, x : x + 9] = 20
            pale[h - inset - 3 : h - inset, x : x + 9] = 20
    return cv2.cvtColor(pale, cv2.COLOR_GRAY2BGR)


def test_a_pale_copy_in_a_dashed_frame_is_not_sideways(captures: dict[str, np.ndarray]) -> None:
    """The frame's sides, broken into dashes, are no columns of text, and the pale text
    is ink: the page lies upright, and turned by 90° it lies sideways."""
    page = _pale_copy_in_a_dashed_frame(captures["scanner"])
    assert not lies_sideways(page)
    assert lies_sideways(turn(page, 1))


def test_flatten_light_evens_a_shadow() -> None:
    page = np.full((800, 600, 3), 235, np.uint8)
    ramp = np.linspace(0.45, 1.0, 600, dtype=np.float32)[None, :, None]
    shaded = (page * ramp).astype(np.uint8)
    shaded[400:410, 50:550] = 20  # a stroke
    flat, changed = flatten_light(shaded)
    assert changed
    paper = flat[100:300]
    assert float(paper.max()) - float(paper.min()) < 25
    assert float(flat[405, 300].mean()) < 80  # the stroke stays dark
    same, changed = flatten_light(page)
    assert not changed and same is page


def test_flatten_light_takes_glare_away_without_fading_the_ink_under_it() -> None:
    """A flash's hotspot adds light: strokes of grey ink (paper 200, ink 120) under it
    stand 80 levels below the lit paper as elsewhere. Divided out, the stroke under the
    hotspot came out at 4/5 of its depth elsewhere; taken away, it keeps it."""
    page = np.full((800, 600, 3), 200, np.float32)
    page[200:206, 50:550] = 120  # a stroke away from the glare
    page[500:506, 50:550] = 120  # a stroke under it
    yy, xx = np.mgrid[0:800, 0:600]
    glare = 50.0 * np.exp(-((xx - 300) ** 2 + (yy - 500) ** 2) / (2 * 120.0**2))
    lit = np.clip(page + glare[..., None], 0, 255).astype(np.uint8)
    flat, changed = flatten_light(lit)
    assert changed
    away = float(flat[150, 300].mean()) - float(flat[203, 300].mean())
    under = float(flat[540, 300].mean()) - float(flat[503, 300].mean())
    assert under > 0.9 * away
    paper = flat[560:640, 200:400]  # the paper under the glare is paper again
    assert abs(float(paper.mean()) - float(flat[100:140, 200:400].mean())) < 12


def _on_desk(
    page: np.ndarray,
    grown: tuple[float, float],
    at: list[list[float]],
    desk: tuple[int, int, int],
) -> tuple[np.ndarray, np.ndarray]:
    """`page` photographed on a desk of colour `desk`, the photo `grown` times the page
    (across, down), the sheet's corners `at` (shares of the photo's width and height);
    the photo and the corners in pixels."""
    h, w = page.shape[:2]
    W, H = int(w * grown[0]), int(h * grown[1])
    corners = np.float32([[x * W, y * H] for x, y in at])
    matrix = cv2.getPerspectiveTransform(np.float32([[0, 0], [w, 0], [w, h], [0, h]]), corners)
    ground = np.full((H, W, 3), desk, np.uint8)
    photo = cv2.warpPerspective(page, matrix, (W, H), dst=ground, borderMode=cv2.BORDER_TRANSPARENT)
    return photo, corners


def test_a_sheet_on_a_light_desk_under_a_flash_is_found_by_its_edges(
    captures: dict[str, np.ndarray],
) -> None:
    """A white desk, the flash's hotspot and the lens's vignetting: brightness alone does
    not part paper from desk (the desk in the middle is as bright as the paper at the
    corners), the sheet's outline does."""
    photo, corners = _on_desk(
        captures["scanner"],
        (1.25, 1.2),
        [[0.1, 0.09], [0.88, 0.11], [0.9, 0.9], [0.12, 0.88]],
        (225, 228, 232),
    )
    H, W = photo.shape[:2]
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    glare = np.exp(-((xx - 0.5 * W) ** 2 + (yy - 0.45 * H) ** 2) / (2 * (0.18 * H) ** 2))
    vignette = 1 - 0.45 * (((xx - W / 2) / (W / 2)) ** 2 + ((yy - H / 2) / (H / 2)) ** 2) / 2
    lit = (photo.astype(np.float32) + 115 * glare[..., None]) * vignette[..., None]
    photo = cv2.GaussianBlur(np.clip(lit, 0, 255).astype(np.uint8), (0, 0), 0.9)
    quad = find_page(photo)
    assert quad is not None
    assert np.abs(np.array(quad) - corners).max() < 0.02 * W


def test_a_sheet_half_in_a_shadow_is_found_whole(captures: dict[str, np.ndarray]) -> None:
    """A phone held over the page casts a shadow across its right part, the desk darker
    still: the bright region is only the lit part of the sheet (a quadrilateral cut at
    the shadow's edge), its outline the whole sheet, which is taken."""
    photo, corners = _on_desk(
        captures["scanner"],
        (1.2, 1.15),
        [[0.08, 0.06], [0.93, 0.09], [0.91, 0.94], [0.06, 0.92]],
        (60, 80, 110),
    )
    H, W = photo.shape[:2]
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    # a soft-edged shadow across the right part, its edge slanting down to the left
    edge = 0.75 * W - 0.25 * (yy / H) * W
    shade = 1 - 0.55 / (1 + np.exp(-(xx - edge) / (0.02 * W)))
    photo = np.clip(photo.astype(np.float32) * shade[..., None], 0, 255).astype(np.uint8)
    quad = find_page(photo)
    assert quad is not None
    assert np.abs(np.array(quad) - corners).max() < 0.02 * W


def test_an_outline_holding_desk_beyond_the_bright_sheet_is_no_sheet() -> None:
    """The outline is taken over the bright region only when what it holds beyond it is
    paper in shade, brighter than the desk: white corners a turned copy bared draw an
    outline that holds desk beside the sheet."""
    small = np.full((600, 900), 100, np.uint8)  # the desk
    bright = np.float32([[100, 50], [600, 50], [600, 550], [100, 550]])
    outline = np.float32([[100, 50], [800, 50], [800, 550], [100, 550]])
    small[50:550, 100:600] = 230  # the lit part of the sheet
    small[50:550, 600:800] = 150  # the rest of it, in shade
    assert _shadowed(small, bright, outline)
    small[50:550, 600:800] = 104  # desk, not paper
    assert not _shadowed(small, bright, outline)
