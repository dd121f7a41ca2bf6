"""Image stages before recognition: decode (`ocr.decode`), deskew, red-seal handling,
blank and quality.

Each stage is a plain function of an image so it can be tested alone. Red seals are the
largest error source on these documents, so red ink is turned into background before the
engine sees the page; black text under a seal then survives.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np
import zxingcpp

from ocr.decode import decode_image as decode_image  # the first stage, re-exported

log = logging.getLogger(__name__)


def as_gray(image: np.ndarray) -> np.ndarray:
    """The page in grey levels (itself when it is grey already)."""
    if image.ndim == 2:
        return image
    return cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)


def _shrink(gray: np.ndarray, long_side: int) -> tuple[np.ndarray, float]:
    h, w = gray.shape[:2]
    scale = min(1.0, long_side / max(h, w))
    if scale >= 1.0:
        return gray, 1.0
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    return cv2.resize(gray, size, interpolation=cv2.INTER_AREA), scale


# A page whose long side is shorter than LOW_RES_SIDE pixels (an A4 sheet under about 150
# dpi: a phone photo shrunk by the app that sent it, a chat's forward) is enlarged by the
# smallest whole factor that makes it as long, before anything else reads it: the rules,
# gaps and strokes the layout is read from are measured in pixels, and at 100 dpi a table's
# rules and a character's strokes are a pixel or two (tuned pages shrunk to 900 px wide,
# JPEG q40 twice, 35 pages: strict CER 3.8% -> 3.1%; the 11 tuned pages under 1800 px
# 1.56% -> 1.39%).
LOW_RES_SIDE = 1800


# A speck: a blot of ink no bigger than this many pixels on a page 2339 px long (A4 at
# 200 dpi; scaled with the page's area). A black-and-white page (under BILEVEL_GREY of its
# pixels grey) with more than SPECKLED of them is a grainy copy thresholded: clean pages
# have a few hundred (dots of punctuation, of "i", of a rule's breaks), faxes 2,400-3,900,
# thresholded copies of the tuned pages 7,000-15,000.
SPECK_PX = 12
SPECKLED = 5000
# A speck this near a character's ink across (a quarter of it up or down) is punctuation
SPECK_REACH = 12
BILEVEL_GREY = 0.01


def despeckled(image: np.ndarray) -> np.ndarray:
    """A black-and-white page speckled all over without its specks (else the page
    itself). Brought down to the detector's size, such a page (its specks at full
    strength, its strokes broken by the sampling) showed the detector no line at all,
    where plain RapidOCR, at the page's own resolution, read it whole."""
    gray = as_gray(image)
    grey = (gray[::2, ::2] > 40) & (gray[::2, ::2] < 215)
    if float(grey.mean()) >= BILEVEL_GREY:
        return image
    ink = (gray < 128).astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    size = max(gray.shape) / 2339.0
    speck = np.zeros(count, bool)
    speck[1:] = stats[1:, cv2.CC_STAT_AREA] <= SPECK_PX * size**2
    if int(speck.sum()) <= SPECKLED:
        return image
    # a speck right beside a character, in its line, is punctuation ("2,870,000.00", "："):
    # only specks standing off the print are taken
    reach = (max(1, round(SPECK_REACH * size)), max(1, round(SPECK_REACH * size / 4)))
    near = cv2.dilate(
        ((labels > 0) & ~speck[labels]).astype(np.uint8),
        np.ones((2 * reach[1] + 1, 2 * reach[0] + 1), np.uint8),
    )
    kept = np.zeros(count, bool)
    kept[np.unique(labels[(near > 0) & speck[labels]])] = True
    out = image.copy()
    out[(speck & ~kept)[labels]] = 255
    return out


def enlarged(image: np.ndarray) -> np.ndarray:
    """`image`, enlarged by a whole factor when it is too small to be read as it is."""
    h, w = image.shape[:2]
    if max(h, w) >= LOW_RES_SIDE:
        return image
    f = -(-LOW_RES_SIDE // max(h, w))
    return cv2.resize(image, (w * f, h * f), interpolation=cv2.INTER_CUBIC)


THUMB_SIDE = 1200


def thumbnail(image: np.ndarray) -> np.ndarray:
    """The grey page shrunk to a long side of at most `THUMB_SIDE` px: what every check
    before recognition looks at. Made once per page state and handed to each check as
    `thumb` (shrinking a 4-megapixel page costs more than most checks themselves)."""
    return _shrink(as_gray(image), THUMB_SIDE)[0]


def working_gray(
    image: np.ndarray, long_side: int, thumb: np.ndarray | None = None
) -> tuple[np.ndarray, float]:
    """The grey page at a long side of at most `long_side` px, from `thumb` (the page's
    `thumbnail`) when given, and its scale relative to `image`."""
    small, _ = _shrink(as_gray(image) if thumb is None else thumb, long_side)
    return small, small.shape[0] / image.shape[0]


def percentiles(gray: np.ndarray, qs: tuple[float, ...]) -> list[float]:
    """Grey levels below which `qs` per cent of the pixels lie (from the histogram: one
    pass, where `np.percentile` sorts)."""
    hist = cv2.calcHist([gray], [0], None, [256], [0, 256]).ravel()
    cumulative = np.cumsum(hist) / max(1.0, float(hist.sum()))
    return [float(np.searchsorted(cumulative, q / 100.0)) for q in qs]


INK_DEPTH = 50  # grey levels below the local background that make a mark ink
# On a page whose marks are all faint (a toner-saver print, a pale copy), ink is what
# stands at least FAINT_SHARE as deep as its deepest marks (the 99.9th percentile), and
# never less deep than FAINT_INK: paper grain and JPEG noise stay under that.
FAINT_INK = 20
FAINT_SHARE = 0.6


def _ink_mask(gray: np.ndarray, *, faint: bool = False) -> np.ndarray:
    """Dark marks against the local background (robust to uneven lighting); with `faint`,
    as deep as the page's own marks are (`FAINT_INK`)."""
    background = cv2.medianBlur(cv2.dilate(gray, np.ones((9, 9), np.uint8)), 21)
    diff = background.astype(np.int16) - gray.astype(np.int16)
    depth = INK_DEPTH
    if faint:
        deepest = float(np.percentile(diff[::2, ::2], 99.9))
        depth = round(min(INK_DEPTH, max(FAINT_INK, FAINT_SHARE * deepest)))
    return (diff > depth).astype(np.uint8)


def _profile_score(ys: np.ndarray, xs: np.ndarray, height: int, angle: float) -> float:
    """Variance of the row profile of the ink points (`ys`, `xs`) once the page is turned
    by `angle` degrees counter-clockwise about its centre: sharp when the text lines run
    along the rows. Only the ink is moved (a few per cent of the pixels), not the image."""
    theta = np.deg2rad(angle)
    rows = np.rint(ys * np.cos(theta) - xs * np.sin(theta) + height / 2.0).astype(np.int64)
    rows = rows[(rows >= 0) & (rows < height)]
    return float(np.var(np.bincount(rows, minlength=height)[:height]))


def estimate_skew(
    image: np.ndarray, max_angle: float = 10.0, *, thumb: np.ndarray | None = None
) -> float:
    """Skew in degrees (counter-clockwise positive), by projection-profile search."""
    small, _ = working_gray(image, 1000, thumb)
    mask = _ink_mask(small)
    ys, xs = np.nonzero(mask)
    if len(ys) < 50:
        return 0.0
    h, w = mask.shape
    ys = ys.astype(np.float32) - h / 2.0
    xs = xs.astype(np.float32) - w / 2.0
    # the coarse search on every fourth ink point, in half degrees: the rows of a wide
    # table are sharp within a few tenths of a degree, and between whole degrees the
    # broad peak of a scanner's dark edge along the sheet (at 0°) outscored them. The two
    # finer rounds, on all of them, on fixed grids (multiples of 0.2°, then of 0.04°)
    # around the best so far
    coarse = np.arange(-max_angle, max_angle + 1e-6, 0.5)
    best = max((_profile_score(ys[::4], xs[::4], h, -float(a)), float(a)) for a in coarse)[1]
    for step, span in ((0.2, 0.6), (0.04, 0.2)):
        grid = np.arange(
            np.ceil((best - span) / step - 1e-6), np.floor((best + span) / step + 1e-6) + 1
        )
        best = max((_profile_score(ys, xs, h, -float(a)), float(a)) for a in grid * step)[1]
    return round(best, 2)


def rotate(image: np.ndarray, angle: float) -> np.ndarray:
    """Rotate by `angle` degrees counter-clockwise, expanding the canvas with white."""
    h, w = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2.0, h / 2.0), angle, 1.0)
    cos, sin = abs(matrix[0, 0]), abs(matrix[0, 1])
    new_w, new_h = round(float(h * sin + w * cos)), round(float(h * cos + w * sin))
    matrix[0, 2] += new_w / 2.0 - w / 2.0
    matrix[1, 2] += new_h / 2.0 - h / 2.0
    border = (255, 255, 255) if image.ndim == 3 else 255
    return cv2.warpAffine(image, matrix, (new_w, new_h), flags=cv2.INTER_LINEAR, borderValue=border)


def deskew(image: np.ndarray, *, thumb: np.ndarray | None = None) -> tuple[np.ndarray, float]:
    """Straighten the page; returns the straightened image and the skew that was removed."""
    angle = estimate_skew(image, thumb=thumb)
    if abs(angle) < 0.1:
        return image, 0.0
    return rotate(image, -angle), angle


# A QR code is no text, and its modules, set right over a licence's small print ("扫描
# 二维码登录…"), cost the detector that caption's first line on some pages (web-html's
# licence turned 0.02° otherwise: the two lines left were read among the right half's
# values). What the engine reads has each code it holds painted over in the paper's colour
# (the median of PAPER_BAND px above and below it).
PAPER_BAND = 5


def without_codes(image: np.ndarray) -> np.ndarray:
    """`image` with each QR code zxing-cpp finds in it painted over as paper."""
    found = zxingcpp.read_barcodes(
        image, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    )
    if not found:
        return image
    out = image.copy()
    h, w = image.shape[:2]
    for code in found:
        at = code.position
        corners = [at.top_left, at.top_right, at.bottom_right, at.bottom_left]
        x, y, cw, ch = cv2.boundingRect(np.array([[c.x, c.y] for c in corners], np.int32))
        x0, y0, x1, y1 = max(0, x), max(0, y), min(w, x + cw), min(h, y + ch)
        beside = np.concatenate(
            [out[max(0, y0 - PAPER_BAND) : y0, x0:x1], out[y1 : y1 + PAPER_BAND, x0:x1]]
        ).reshape(-1, *out.shape[2:])
        out[y0:y1, x0:x1] = np.median(beside, axis=0) if len(beside) else 255
    return out


def _red_mask(image: np.ndarray, min_saturation: int = 60) -> np.ndarray:
    return _red_masks(image, (min_saturation,))[0]


# hue (OpenCV's 0..180 scale) of red ink: 0..12 and 160..180
_RED_HUE = np.array([255 if h <= 12 or h >= 160 else 0 for h in range(256)], np.uint8)


def _red_masks(image: np.ndarray, min_saturations: tuple[int, ...]) -> list[np.ndarray]:
    """Red-ink masks (0/1) at several saturation thresholds from one HSV conversion."""
    hue, sat, val = cv2.split(cv2.cvtColor(image, cv2.COLOR_BGR2HSV))
    _, bright = cv2.threshold(val, 59, 1, cv2.THRESH_BINARY)
    red = cv2.bitwise_and(cv2.LUT(hue, _RED_HUE), bright)
    return [
        cv2.bitwise_and(red, cv2.threshold(sat, m - 1, 1, cv2.THRESH_BINARY)[1])
        for m in min_saturations
    ]


SealBox = tuple[int, int, int, int]  # x, y, width, height


def find_red_seals(image: np.ndarray) -> list[SealBox]:
    """Bounding boxes (x, y, w, h) of red round or oval seals.

    Found on a half-size copy (a seal is hundreds of pixels across) and scaled back.
    """
    if image.ndim != 3:
        return []
    h, w = image.shape[:2]
    half = cv2.resize(image, (max(1, w // 2), max(1, h // 2)), interpolation=cv2.INTER_AREA)
    sx, sy = w / half.shape[1], h / half.shape[0]
    mask = np.asarray(_red_mask(half) * 255, np.uint8)
    # a red frame or rule (a certificate's border) is no seal, and would enclose the seals
    # within it: straight strokes a quarter of the page long are taken out first
    reach = max(3, min(half.shape[:2]) // 4)
    straight = cv2.bitwise_or(
        cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((1, reach), np.uint8)),
        cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((reach, 1), np.uint8)),
    )
    keep = cv2.bitwise_not(cv2.dilate(straight, np.ones((5, 5), np.uint8)))
    mask = np.asarray(cv2.bitwise_and(mask, keep), np.uint8)
    min_side = max(40, int(0.06 * min(h, w)))
    max_side = 0.4 * min(h, w)  # a seal is a few centimetres across
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (9, 9))
    closed = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, kernel)
    contours, _ = cv2.findContours(closed, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    seals: list[SealBox] = []
    for contour in contours:
        x, y, cw, ch = cv2.boundingRect(contour)
        x, y, cw, ch = round(x * sx), round(y * sy), round(cw * sx), round(ch * sy)
        if not min_side <= min(cw, ch) <= max(cw, ch) <= max_side or not 0.5 <= cw / ch <= 2.0:
            continue
        fill = cv2.contourArea(contour) * sx * sy / float(cw * ch)
        if fill < 0.45:
            continue
        seals.append((int(x), int(y), int(cw), int(ch)))
    seals.sort(key=lambda r: (r[1], r[0]))
    return seals


# share of the page's pixels in strong red below which nothing is suppressed; of the
# generated pages with a seal, the least red (a seal on a phone photo) has 0.05%
MIN_RED_SHARE = 0.0002


# a line of red print (a certificate's title, a red-headed document's issuer) is at least
# RED_LINE_ASPECT times as wide as high (two characters) and no taller than
# RED_LINE_HEIGHT of the page
RED_LINE_ASPECT = 2.0
RED_LINE_HEIGHT = 0.06


def _red_text_lines(red: np.ndarray, seals: Sequence[SealBox]) -> list[SealBox]:
    """Boxes (x, y, w, h) of lines printed in red outside every red seal: a seal's ink
    is not the page's, a red title is, and so is print an inkjet's colour cast makes
    weakly red. Found on a quarter-size copy of the (weak) red mask, its characters
    closed into lines; a line inside a ring of red (a seal not found as one, its name
    across it) is the seal's."""
    step = 4
    small = np.ascontiguousarray(red[::step, ::step]) * 255
    closed = cv2.morphologyEx(small, cv2.MORPH_CLOSE, np.ones((3, 9), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(closed)
    boxes = [tuple(int(v) * step for v in row[:4]) for row in stats[1:count]]
    page = min(red.shape[:2])
    rings = [b for b in boxes if 0.06 * page <= min(b[2], b[3]) and max(b[2], b[3]) <= 0.4 * page]
    lines = []
    for x, y, w, h in boxes:
        if w < RED_LINE_ASPECT * h or h > RED_LINE_HEIGHT * red.shape[0] or h < 2 * step:
            continue
        if any(
            x < sx + sw and sx < x + w and y < sy + sh and sy < y + h for sx, sy, sw, sh in seals
        ):
            continue
        if any(
            rx <= x and x + w <= rx + rw and ry <= y and y + h <= ry + rh
            for rx, ry, rw, rh in rings
        ):
            continue
        pad = h // 2
        lines.append((max(0, x - pad), max(0, y - pad), w + 2 * pad, h + 2 * pad))
    return lines


# paper whose channels differ by more than this (of 255) is tinted: warm lamplight on a
# phone photo, recycled or yellowed stock
PAPER_TINT = 12


def _paper_neutral(image: np.ndarray, paper: np.ndarray) -> np.ndarray:
    """The page with its paper's tint taken out (each channel scaled so that the paper is
    grey), for telling red ink by its hue: on warm paper every pixel of paper is weakly
    red, and the grey print's edges strongly so. The page itself when its paper is grey."""
    if float(paper.max() - paper.min()) <= PAPER_TINT:
        return image
    gains = float(paper.max()) / np.maximum(paper, 1.0)
    return cv2.merge(
        [
            cv2.convertScaleAbs(c, alpha=float(g))
            for c, g in zip(cv2.split(image), gains, strict=True)
        ]
    )


RED_INK_LIGHT = 0.6  # red ink is at least this share as light as the paper, in red light
LIGHT_RED_SHARE = 0.2  # of a patch of red, the share strongly red and as light as ink
# a pixel darker than this share of the seal's ink in the red channel is no seal ink
SEAL_INK_SHARE = 0.75


def suppress_red(image: np.ndarray, seals: Sequence[SealBox] | None = None) -> np.ndarray:
    """Turn red ink (and its blurred, JPEG-smeared fringe) into paper colour.

    Red ink reflects red light, so in the red channel it is almost as light as paper while
    black text stays dark. Red pixels take their red-channel value, scaled so that seal ink
    maps to the paper's colour: a black stroke under the seal stays dark. The seal's ink is
    measured inside the seals found; pixels far darker than it in the red channel are
    print (an inkjet's red cast, text edges under the seal) and are left as they are.

    A few reddish specks are not ink worth suppressing: on pink or tinted paper the
    anti-aliased edges of black text count as weak red, and scaling them by a "seal ink"
    measured on a few dark specks would erase the text. So nothing is done below
    `MIN_RED_SHARE` of the page, and the gain is bounded by real red ink's brightness.

    Red is told by its hue on the page with its paper's tint taken out (`_paper_neutral`:
    under a warm lamp all the paper is weakly red), and the page counts as bearing red ink
    only from red as light as ink is in red light (`RED_INK_LIGHT`): a lamp-lit page's
    print turns reddish brown, far darker. For the same reason a patch of red outside the
    seals is ink only when a share of it (`LIGHT_RED_SHARE`) is strongly red and that
    light: brown print on a sepia copy is weakly red at its edges, dark at its cores.

    Lines printed in red outside the seals (a certificate's title, a red-headed
    document's issuer) are the page's text and stay (`_red_text_lines`). `seals`: the
    page's `find_red_seals` when the caller has them already.
    """
    if image.ndim != 3:
        return image
    paper = np.median(image[::8, ::8].reshape(-1, 3), axis=0).astype(np.float32)
    judged = _paper_neutral(image, paper)
    # the share of red as light as ink in the red channel (print's edges the JPEG smeared
    # red, or a lamp turned reddish brown, are darker), every fourth pixel telling it
    sample = cv2.bitwise_and(
        _red_mask(judged[::4, ::4]),
        (image[::4, ::4, 2] >= RED_INK_LIGHT * paper[2]).astype(np.uint8),
    )
    if cv2.countNonZero(sample) < MIN_RED_SHARE * sample.size:
        return image
    strong, weak = _red_masks(judged, (60, 25))
    mask = cv2.dilate(weak, np.ones((5, 5), np.uint8)) > 0
    seals = find_red_seals(image) if seals is None else seals
    # red ink is light in red light; print that only looks red (brown print on a sepia
    # copy, its edges weakly red, its strokes dark) is not: outside the seals, each patch
    # of red is ink only with enough of it strongly red and as light as ink
    light = (strong > 0) & (image[..., 2] >= RED_INK_LIGHT * paper[2])
    count, patches = cv2.connectedComponents(mask.astype(np.uint8), connectivity=8)
    inked = np.bincount(patches[light], minlength=count)
    reddish = np.bincount(patches[weak > 0], minlength=count)
    keep = inked >= LIGHT_RED_SHARE * np.maximum(reddish, 1)
    for x, y, w, h in seals:
        keep[np.unique(patches[y : y + h, x : x + w])] = True
    keep[0] = False
    mask = keep[patches]
    for x, y, w, h in _red_text_lines(weak, seals):
        mask[y : y + h, x : x + w] = False
    # the seal's ink, measured in the seals where there are any: print an inkjet casts red
    # counts as strong red too, far darker in the red channel (118 against a seal's 220)
    inside = np.zeros_like(strong)
    for x, y, w, h in seals:
        inside[y : y + h, x : x + w] = strong[y : y + h, x : x + w]
    measured = inside if cv2.countNonZero(inside) else strong
    ink = max(float(np.median(image[..., 2][measured > 0])), RED_INK_LIGHT * float(paper[2]), 1.0)
    if measured is inside:
        # pixels far darker than the seal's ink are print (cast red, or under the seal)
        mask &= image[..., 2] >= SEAL_INK_SHARE * ink
    red = image[..., 2][mask].astype(np.float32)[:, None]
    out = image.copy()
    out[mask] = np.minimum(red * (paper / ink), paper).clip(0, 255).astype(np.uint8)
    return out


# A page whose deepest marks (the darkest FAINT_PAGE_SHARE per cent of its pixels) stand
# less than FAINT_PAGE_DEPTH grey levels below its paper is printed or copied faintly; its
# ink is deepened to stand DEEPENED_DEPTH below, by at most MAX_DEEPENING times.
FAINT_PAGE_SHARE = 0.3
FAINT_PAGE_DEPTH = 130
DEEPENED_DEPTH = 200
MAX_DEEPENING = 3.0


def deepened(image: np.ndarray) -> tuple[np.ndarray, bool]:
    """A faintly printed page (a toner-saver print, a pale copy) with its ink deepened
    below its paper, the paper as it is; the page itself, and False, otherwise."""
    deep, paper = percentiles(as_gray(image), (FAINT_PAGE_SHARE, 50))
    depth = paper - deep
    if depth >= FAINT_PAGE_DEPTH or depth <= 0:
        return image, False
    gain = min(MAX_DEEPENING, min(DEEPENED_DEPTH, paper) / depth)
    levels = np.arange(256, dtype=np.float32)

    def deeper(channel: np.ndarray) -> np.ndarray:
        # each channel below its own paper (tinted paper keeps its tint)
        own = percentiles(channel, (50,))[0]
        lut = np.where(levels < own, own - (own - levels) * gain, levels)
        return cv2.LUT(channel, np.clip(lut, 0, 255).astype(np.uint8))

    if image.ndim == 2:
        return deeper(image), True
    return cv2.merge([deeper(c) for c in cv2.split(image)]), True


def is_blank(image: np.ndarray, *, thumb: np.ndarray | None = None) -> bool:
    """True for a page without marks (an empty sheet fed by the scanner)."""
    small, _ = working_gray(image, 800, thumb)
    mask = _ink_mask(cv2.GaussianBlur(small, (3, 3), 0), faint=True)
    mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))
    return float(mask.mean()) < 0.0008


@dataclass(frozen=True)
class Quality:
    blur: float  # variance of the Laplacian at a fixed scale; low = blurred
    contrast: float  # spread between dark and light (1st-99th percentile), 0..255
    ok: bool
    reason_zh: str | None = None
    reason_en: str | None = None
    effective_dpi: float = 0.0  # pixels across the sheet's short side per 8.27 in (A4)
    score: float = 1.0  # 0..1, the weakest of blur, contrast and resolution


MIN_BLUR = 60.0
MIN_CONTRAST = 60.0
MIN_DPI = 120.0  # below this, 5-point characters of a form blur into each other
A4_SHORT_SIDE_IN = 210.0 / 25.4


def quality(image: np.ndarray, *, thumb: np.ndarray | None = None) -> Quality:
    """A cheap scan-quality check: blur, contrast and effective resolution, with the
    reason to rescan that the clerk reads out to the applicant."""
    small, _ = working_gray(image, 1200, thumb)
    blur = round(float(cv2.Laplacian(small, cv2.CV_64F).var()), 1)
    low, high = percentiles(small, (1, 99))
    contrast = round(float(high - low), 1)
    dpi = round(min(image.shape[:2]) / A4_SHORT_SIDE_IN, 1)
    score = round(min(1.0, blur / 200.0, contrast / 150.0, dpi / 200.0), 3)
    checks = (
        (
            contrast < MIN_CONTRAST,
            "对比度过低,页面发灰或过淡,请调整扫描亮度后重新扫描",
            "contrast too low (faint or grey page); adjust the scanner brightness and rescan",
        ),
        (
            blur < MIN_BLUR,
            "图像模糊,请确认纸张平整后重新扫描",
            "the image is blurred; make sure the page lies flat and rescan",
        ),
        (
            dpi < MIN_DPI,
            f"分辨率过低(约 {dpi:.0f} dpi),请以 200-300 dpi 重新扫描",
            f"resolution too low (about {dpi:.0f} dpi); rescan at 200-300 dpi",
        ),
    )
    for failed, zh, en in checks:
        if failed:
            return Quality(blur, contrast, False, zh, en, dpi, score)
    return Quality(blur, contrast, True, None, None, dpi, score)
