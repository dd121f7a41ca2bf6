"""Seals that lost their colour: a red seal on a greyscale scan, a scanner app's output or a
copy of a copy is a grey ring, star and ring text over the black page text. Red-ink
suppression (`preprocess.suppress_red`) cannot see it; the detector then merges the ring
text with the lines it crosses, reads the seal's words as page text and loses the lines
the ring clips.

Such a seal is found by its shape (a circle of a seal's size, drawn all round) and its
tone: its ink is clearly lighter than the text around it. Inside the circle, what is as
light as the seal's ink turns into paper; the darker text under it stays. When the text
near the seal is no darker than the seal (a carbon copy: one ink for both), its tone is
left, unless the seal is a screen of dots: a black-and-white scan renders its lighter
ink as a halftone, ink with single pixels of paper in it or single specks of ink on
paper, packed close, which solid strokes of text are not. Inside the circle, where such
pixels stand close together turns into paper; the text's strokes crossing it stay. A
seal in the text's own ink and no screen (a fax, a thresholded scan) loses its ring's
line only, where no stroke crosses it: the lines the ring ran along or cut are found.
"""

from __future__ import annotations

import math
import re

import cv2
import numpy as np

from ocr.engine import Line
from ocr.preprocess import as_gray

# radius of a seal as a share of the page's short side: round seals are 38-45 mm across
# (enterprise, administrative), small ones 20-30 mm; an A4 page is 210 mm wide
MIN_RADIUS, MAX_RADIUS = 0.06, 0.14
_SEARCH_SIDE = 600  # long side of the copy the circles are looked for on
# share of the directions in which the ring must be drawn (text crossing it still counts)
MIN_RING_COVER = 0.8
# the seal's ink must be at least this many grey levels lighter than the text beside it
MIN_TONE_GAP = 35.0
# a halftone seal: single holes in ink and single specks of ink, per pixel of ink inside
# its circle, at least this many and this many times as many as in the text outside it
SCREEN_SPECKS, SCREEN_CONTRAST = 0.08, 4.0
SCREEN_WINDOW = 5  # pixels whose window this wide holds
SCREEN_NEAR = 3  # at least this many specks are the screen's
SCREEN_GRAIN = 12  # pixels: a grain of ink the screen leaves alone
RING_DIRECTIONS = 720  # a seal in the text's ink: its ring's line followed every half degree


def _circles(gray: np.ndarray) -> list[tuple[float, float, float]]:
    scale = min(1.0, _SEARCH_SIDE / max(gray.shape))
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    short = min(small.shape)
    found = cv2.HoughCircles(
        small,
        cv2.HOUGH_GRADIENT_ALT,
        dp=1.5,
        minDist=0.2 * short,
        param1=150,
        param2=0.6,
        minRadius=int(MIN_RADIUS * short),
        maxRadius=int(MAX_RADIUS * short),
    )
    if found is None:
        return []
    return [(float(x) / scale, float(y) / scale, float(r) / scale) for x, y, r in found[0]]


def _ring_tone(gray: np.ndarray, x: float, y: float, r: float, paper: float) -> float | None:
    """The grey level of the ring (the darkest point across it, median over directions),
    or None when the ring is not drawn all round."""
    angles = np.linspace(0.0, 2.0 * np.pi, 144, endpoint=False)
    across = np.arange(-0.07 * r, 0.07 * r + 1.0)
    radii = r + across[None, :]
    h, w = gray.shape
    xs = np.clip((x + radii * np.cos(angles)[:, None]).astype(np.intp), 0, w - 1)
    ys = np.clip((y + radii * np.sin(angles)[:, None]).astype(np.intp), 0, h - 1)
    darkest = gray[ys, xs].min(axis=1)
    if float((darkest < paper - 50).mean()) < MIN_RING_COVER:
        return None
    return float(np.median(darkest))


def _text_tone(gray: np.ndarray, x: float, y: float, r: float, paper: float) -> float | None:
    """The grey level of the text beside the seal (outside its circle): the 5th
    percentile of the ink there (its strokes' cores). None with too little text to tell."""
    h, w = gray.shape
    x0, x1 = max(0, int(x - 2.2 * r)), min(w, int(x + 2.2 * r))
    y0, y1 = max(0, int(y - 1.5 * r)), min(h, int(y + 1.5 * r))
    yy, xx = np.ogrid[y0:y1, x0:x1]
    outside = (xx - x) ** 2 + (yy - y) ** 2 > (1.15 * r) ** 2
    region = gray[y0:y1, x0:x1][outside]
    ink = region[region < paper - 80]
    if ink.size < 200:
        return None
    return float(np.percentile(ink, 5))


Ring = tuple[float, float, float]  # centre x, centre y, radius in page pixels


def seal_rings(image: np.ndarray) -> list[Ring]:
    """The round seals of the page, whatever their ink: circles of a seal's size drawn
    all round."""
    gray = as_gray(image)
    circles = _circles(gray)
    if not circles:
        return []
    paper = float(np.percentile(gray[::7, ::7], 90))
    return [(x, y, r) for x, y, r in circles if _ring_tone(gray, x, y, r, paper) is not None]


# a seal's own words: its name (合同专用章, 行政审批专用章, 户口专用章, 财务专用章, ...), a
# short one with its last character lost or misread in the ring's ink ("出生医学证明专用心"),
# or its star alone
SCRAP = 2  # characters
SCRAP_BAND = 0.55  # the seal's name runs round outside this share of its radius
_SEAL_WORDS = re.compile(r"专用章$|^.{2,10}专用.?$|^[★☆*＊]+$")


def drop_seal_words(lines: list[Line], rings: list[Ring]) -> list[Line]:
    """The lines without the seals' own words: a line wholly inside a seal's ring that
    (its box, padded, may reach past the ring by a tenth of its radius) names a seal
    ("企业登记专用章", or a short line with "专用" in it, its last character
    misread) or is its star is the seal's, not the page's (a seal whose ink is the
    text's, as on a carbon copy or a black-and-white scan, is not suppressed, and its
    words are read). So is a scrap of a few characters wholly within the band the
    seal's name runs round in: its letters, standing at every angle, read one or two at
    a time ("贸", "C", "心安")."""
    if not rings:
        return lines

    def seals(line: Line) -> bool:
        text = line.text.strip()
        for x, y, r in rings:
            reach = [math.hypot(px - x, py - y) for px, py in line.box]
            if max(reach) > 1.1 * r:
                continue
            if _SEAL_WORDS.search(text):
                return True
            middle = math.hypot(
                sum(px for px, _ in line.box) / 4 - x, sum(py for _, py in line.box) / 4 - y
            )
            if len(text) <= SCRAP and max(reach) <= r and middle >= SCRAP_BAND * r:
                return True
        return False

    return [ln for ln in lines if not seals(ln)]


def _specks(gray: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Ink (below mid-grey) and its specks: single pixels of paper with ink on all four
    sides and single pixels of ink with paper on all four, a halftone's texture."""
    ink = (gray < 128).astype(np.uint8)
    cross = np.array([[0, 1, 0], [1, 0, 1], [0, 1, 0]], np.uint8)
    around = cv2.filter2D(ink, -1, cross, borderType=cv2.BORDER_REPLICATE)
    return ink.astype(bool), ((ink == 0) & (around == 4)) | ((ink == 1) & (around == 0))


def _screen(
    ink: np.ndarray, specks: np.ndarray, box: tuple[int, int, int, int], disc: np.ndarray
) -> np.ndarray | None:
    """Where inside `disc` (within `box` of the page) a seal printed as a screen of dots
    lies, or None when its ink is no such screen: specks (`_specks`) are many in the
    circle and few in the text beside it."""
    x0, y0, x1, y1 = box
    inside = np.zeros(ink.shape, bool)
    inside[y0:y1, x0:x1] = disc
    share = specks[inside].sum() / max(1, ink[inside].sum())
    beside = specks[~inside].sum() / max(1, ink[~inside].sum())
    if share < SCREEN_SPECKS or share < SCREEN_CONTRAST * beside:
        return None
    near = cv2.boxFilter(
        specks[y0:y1, x0:x1].astype(np.float32), -1, (SCREEN_WINDOW, SCREEN_WINDOW), normalize=False
    )
    # strokes three pixels wide or more, whole: no screen of dots holds a solid 3×3
    square = np.ones((3, 3), np.uint8)
    solid = cv2.morphologyEx(ink[y0:y1, x0:x1].astype(np.uint8), cv2.MORPH_OPEN, square) > 0
    screen = (near >= SCREEN_NEAR) & disc & ~solid
    # and the grains of ink the screen leaves, alone on paper once it is gone
    left = (ink[y0:y1, x0:x1] & ~screen).astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(left, connectivity=8)
    grains = np.zeros(count, bool)
    grains[1:] = stats[1:, cv2.CC_STAT_AREA] <= SCREEN_GRAIN
    return screen | (grains[labels] & disc)


def _ring_line(gray: np.ndarray, ring: Ring, paper: float) -> tuple[np.ndarray, int, int] | None:
    """Where the ring's line is drawn and no stroke crosses it: a mask over the page's
    box (left, top) around the ring, or None when no line stands out. The line is
    followed direction by direction (a seal is not quite round, nor quite where the
    circle was found), its width is what the ink across it shows. A stroke crosses it
    where there is ink just inside and just outside it, straight across."""
    x, y, r = ring
    h, w = gray.shape
    inked = paper - 80  # grey levels darker than this are ink
    angles = np.linspace(0.0, 2.0 * np.pi, RING_DIRECTIONS, endpoint=False)
    radii = np.arange(0.75 * r, 1.25 * r, 0.5)
    cos, sin = np.cos(angles), np.sin(angles)

    def ink_at(rr: np.ndarray) -> np.ndarray:
        xs = np.clip(np.rint(x + rr * cos[:, None]), 0, w - 1).astype(np.intp)
        ys = np.clip(np.rint(y + rr * sin[:, None]), 0, h - 1).astype(np.intp)
        return (gray[ys, xs] < inked).astype(np.float32)

    ink = ink_at(np.broadcast_to(radii, (RING_DIRECTIONS, radii.size)))
    # ink along the ring (a few degrees) and across a line's width (a seal's line is
    # about 6% of its radius): the line is where most of it is, in each direction,
    # text crossing the ring in a few directions outvoted by its neighbours'
    span, width = RING_DIRECTIONS // 48, max(3, int(0.06 * r / 0.5))
    wrapped = np.concatenate([ink[-span:], ink, ink[:span]])
    dense = cv2.blur(wrapped, (width, 2 * span + 1))[span:-span]
    half = RING_DIRECTIONS // 24
    steps = np.argmax(dense, axis=1).astype(np.float32)
    steps = np.median(
        np.lib.stride_tricks.sliding_window_view(
            np.concatenate([steps[-half:], steps, steps[:half]]), 2 * half + 1
        ),
        axis=1,
    )
    middle = radii[0] + 0.5 * steps
    # across the line: the ink at each offset from its middle, all round
    offsets = np.arange(-0.15 * r, 0.15 * r, 0.5)
    across = ink_at(middle[:, None] + offsets[None, :]).mean(axis=0)
    floor = float(np.median(np.r_[across[:6], across[-6:]]))
    if across.max() - floor < 0.4:
        return None
    drawn = np.flatnonzero(across > floor + 0.5 * (across.max() - floor))
    inner, outer = offsets[drawn[0]] - 2.5, offsets[drawn[-1]] + 2.5
    reach = 1.3 * r
    x0, x1 = max(0, int(x - reach)), min(w, int(x + reach) + 1)
    y0, y1 = max(0, int(y - reach)), min(h, int(y + reach) + 1)
    yy, xx = np.mgrid[y0:y1, x0:x1]
    direction = np.arctan2(yy - y, xx - x) % (2.0 * np.pi) * (RING_DIRECTIONS / (2.0 * np.pi))
    mid = middle[np.clip(direction.astype(np.intp), 0, RING_DIRECTIONS - 1)]
    distance = np.maximum(np.hypot(xx - x, yy - y), 1.0)
    off = distance - mid
    line = (off >= inner) & (off <= outer) & (gray[y0:y1, x0:x1] < paper - 20)

    def ink_across(at: float) -> np.ndarray:
        # the ink `at` (an offset from the line's middle) straight across from each pixel
        scale = (mid + at) / distance
        xs = np.clip(np.rint(x + (xx - x) * scale), 0, w - 1).astype(np.intp)
        ys = np.clip(np.rint(y + (yy - y) * scale), 0, h - 1).astype(np.intp)
        return gray[ys, xs] < inked

    # ink just inside and just outside (the nearer point or one a pixel and a half on)
    crossed = (ink_across(inner - 1.0) | ink_across(inner - 2.5)) & (
        ink_across(outer + 1.0) | ink_across(outer + 2.5)
    )
    return (line & ~crossed).astype(np.uint8), x0, y0


def _without_ring(out: np.ndarray, gray: np.ndarray, ring: Ring, paper: float) -> np.ndarray:
    """`out` with the ring's line of a seal in the text's own ink painted over from the
    paper around it, where no stroke crosses it: the lines it clipped are found whole.
    The star and the seal's words stay: they are in the text's ink and shape too."""
    found = _ring_line(gray, ring, paper)
    if found is None:
        return out
    line, x0, y0 = found
    hh, ww = line.shape
    part = np.ascontiguousarray(out[y0 : y0 + hh, x0 : x0 + ww])
    out[y0 : y0 + hh, x0 : x0 + ww] = cv2.inpaint(part, line, 3, cv2.INPAINT_TELEA)
    return out


def suppress_grey_seals(image: np.ndarray, rings: list[Ring] | None = None) -> np.ndarray:
    """The page with the ink of colourless seals turned into paper (a copy; the image
    itself when there is none). `rings`: the page's seals when already found (on the
    page before its red ink was suppressed: a red seal's ring is gone from `image`)."""
    gray = as_gray(image)
    circles = _circles(gray) if rings is None else rings
    if not circles:
        return image
    paper = float(np.percentile(gray[::7, ::7], 90))
    out = image
    specks: tuple[np.ndarray, np.ndarray] | None = None
    for x, y, r in circles:
        seal = _ring_tone(gray, x, y, r, paper)
        if seal is None:
            continue
        text = _text_tone(gray, x, y, r, paper)
        reach = int(r * 1.12)  # the ring's outer edge
        h, w = gray.shape
        x0, x1 = max(0, int(x) - reach), min(w, int(x) + reach + 1)
        y0, y1 = max(0, int(y) - reach), min(h, int(y) + reach + 1)
        yy, xx = np.ogrid[y0:y1, x0:x1]
        disc = (xx - x) ** 2 + (yy - y) ** 2 <= reach * reach
        if text is None or seal - text < MIN_TONE_GAP:
            specks = _specks(gray) if specks is None else specks
            screen = _screen(*specks, (x0, y0, x1, y1), disc)
            if out is image:
                out = image.copy()
            if screen is not None:
                out[y0:y1, x0:x1][screen] = int(paper)
            else:
                out = _without_ring(out, gray, (x, y, r), paper)
            continue
        if out is image:
            out = image.copy()
        # from three quarters of the way from the text's tone to the seal's, fading to
        # paper at the seal's tone: the text's cores and most of its edges stay
        start = text + 0.75 * (seal - text)
        lift = np.clip((gray[y0:y1, x0:x1].astype(np.float32) - start) / (seal - start), 0, 1)
        lift *= disc
        part = out[y0:y1, x0:x1].astype(np.float32)
        if part.ndim == 3:
            lift = lift[..., None]
        out[y0:y1, x0:x1] = np.clip(part + (paper - part) * lift, 0, 255).astype(np.uint8)
    return out
