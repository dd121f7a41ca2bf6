"""Page geometry before recognition: find the sheet in a photo, crop borders, flatten the
light, and turn a page lying on its side upright.

Phone photos and document-camera shots show the sheet in perspective on a darker desk;
office copies carry a dark band where the lid did not close. Both are the same problem:
find the bright quadrilateral of the paper and warp it to a rectangle. Uneven light is
divided out against a smooth background estimate, so faint strokes in shadow survive.
"""

from __future__ import annotations

import cv2
import numpy as np

from ocr.preprocess import FAINT_INK, FAINT_SHARE, percentiles, working_gray

Quad = tuple[tuple[float, float], tuple[float, float], tuple[float, float], tuple[float, float]]

_WORK_SIDE = 900  # long side of the working copy for geometry decisions


def _order(points: np.ndarray) -> np.ndarray:
    """Corners clockwise from top-left."""
    pts = points.reshape(4, 2).astype(np.float32)
    s, d = pts.sum(axis=1), np.diff(pts, axis=1).ravel()
    return np.array(
        [pts[np.argmin(s)], pts[np.argmin(d)], pts[np.argmax(s)], pts[np.argmax(d)]],
        np.float32,
    )


def find_page(image: np.ndarray, *, thumb: np.ndarray | None = None) -> Quad | None:
    """The corners of the sheet when it lies on a darker background (found as the bright
    region, else by its outline on a desk only a little darker), else None.

    None for a scan where the paper fills the frame; a page cut by the frame edge is left
    alone rather than guessed.
    """
    small, scale = working_gray(image, _WORK_SIDE, thumb)
    quad = _bright_quad(small)
    outline = _edge_quad(small)
    if quad is None or (outline is not None and _shadowed(small, quad, outline)):
        quad = outline
    if quad is None:
        return None
    quad /= scale
    return tuple((float(x), float(y)) for x, y in quad)  # type: ignore[return-value]


def _shadowed(small: np.ndarray, bright: np.ndarray, outline: np.ndarray) -> bool:
    """The bright region is only the lit part of the sheet the outline bounds: a shadow
    falls across the rest (a phone held over the page), so the outline is the sheet. Its
    area is `SHADOWED` times the bright region's or more, it holds every corner (to within
    2% of its size: the bright region runs out to the frame's edge), and what it holds
    beyond the bright region is one piece, paper in shade: brighter than the desk outside
    the outline by `EDGE_CONTRAST` (an outline that the desk's own edges drew holds desk)."""
    area = cv2.contourArea(outline)
    if area < SHADOWED * cv2.contourArea(bright):
        return False
    hull = outline.reshape(-1, 1, 2).astype(np.float32)
    near = 0.02 * float(np.sqrt(area))
    if any(cv2.pointPolygonTest(hull, (float(x), float(y)), True) < -near for x, y in bright):
        return False
    kernel = np.ones((9, 9), np.uint8)
    sheet = _inside(small, outline)
    beyond = cv2.erode(sheet & (1 - _inside(small, bright)), kernel)
    desk = cv2.erode(1 - sheet, kernel)
    count, _, stats, _ = cv2.connectedComponentsWithStats(beyond)
    pieces = [k for k in range(1, count) if stats[k, cv2.CC_STAT_AREA] > 0.01 * small.size]
    if len(pieces) != 1 or not desk.any():
        return False
    shade = float(np.median(small[beyond > 0])) - float(np.median(small[desk > 0]))
    return shade >= EDGE_CONTRAST


SHADOWED = 1.1


def _inside(small: np.ndarray, quad: np.ndarray) -> np.ndarray:
    inside = np.zeros_like(small)
    cv2.fillConvexPoly(inside, quad.astype(np.int32), 1)
    return inside


def _bright_quad(small: np.ndarray) -> np.ndarray | None:
    """The sheet as the largest bright region (Otsu), standing out from a darker desk."""
    h, w = small.shape
    blurred = cv2.GaussianBlur(small, (7, 7), 0)
    _, bright = cv2.threshold(blurred, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    bright = cv2.morphologyEx(bright, cv2.MORPH_CLOSE, np.ones((25, 25), np.uint8))
    contours, _ = cv2.findContours(bright, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    contour = max(contours, key=cv2.contourArea)
    area = cv2.contourArea(contour)
    if area < 0.2 * h * w or area > 0.985 * h * w:
        return None
    hull = cv2.convexHull(contour)
    approx = cv2.approxPolyDP(hull, 0.02 * cv2.arcLength(hull, True), True)
    if len(approx) != 4:
        approx = cv2.boxPoints(cv2.minAreaRect(hull)).reshape(4, 1, 2)
        if area < 0.85 * cv2.contourArea(approx.astype(np.float32)):
            return None
    quad = _order(approx)
    inside = _inside(small, quad)
    if not inside.any() or inside.all():
        return None
    contrast = float(small[inside > 0].mean()) - float(small[inside == 0].mean())
    if contrast < 35:  # the "background" is paper too
        return None
    return quad


# a sheet on a light desk (white, or lit by a flash and vignetted: brightness alone does
# not part them) is found by its edges: the paper brighter than the desk by at least
# EDGE_CONTRAST grey levels, the desk around it bare (its edges at most BARE_DESK of the
# sheet's: a table's frame inside the sheet leaves the title and notes outside it)
EDGE_CONTRAST = 10.0
BARE_DESK = 0.03


def _fitted(quad: np.ndarray, points: np.ndarray, side: int) -> np.ndarray:
    """`quad` with each side moved onto the line fitted to the outline's points along it,
    its corners where those lines meet: the hull cuts a corner whose edges the light
    washed out."""
    lines = []
    for k in range(4):
        a, b = quad[k], quad[(k + 1) % 4]
        direction = (b - a) / max(1e-6, float(np.linalg.norm(b - a)))
        offset = points - a
        along = offset @ direction
        across = np.abs(offset[:, 0] * direction[1] - offset[:, 1] * direction[0])
        length = float(np.linalg.norm(b - a))
        near = points[(across < 0.02 * side) & (along > 0.1 * length) & (along < 0.9 * length)]
        if len(near) < 20:
            return quad
        vx, vy, x0, y0 = cv2.fitLine(near.astype(np.float32), cv2.DIST_HUBER, 0, 0.01, 0.01).ravel()
        lines.append((np.array([x0, y0]), np.array([vx, vy])))
    corners = []
    for k in range(4):
        (p, u), (q, v) = lines[k - 1], lines[k]
        det = u[0] * -v[1] - u[1] * -v[0]
        if abs(det) < 1e-6:
            return quad
        t = ((q - p)[0] * -v[1] - (q - p)[1] * -v[0]) / det
        corners.append(p + t * u)
    return _order(np.array(corners, np.float32))


def _square_cornered(quad: np.ndarray) -> bool:
    """Every corner within 30° of a right angle: a sheet seen from a phone held over it,
    not a diagonal cut through a page that fills the frame."""
    for k in range(4):
        u, v = quad[k - 1] - quad[k], quad[(k + 1) % 4] - quad[k]
        cosine = float(u @ v) / max(1e-6, float(np.linalg.norm(u) * np.linalg.norm(v)))
        if abs(cosine) > 0.5:
            return False
    return True


def _edge_quad(small: np.ndarray) -> np.ndarray | None:
    """The sheet as the four-cornered hull of the image's long edges: its outline, which
    glare and the lens's falloff may break into pieces, around the text inside it."""
    h, w = small.shape
    edges = cv2.Canny(cv2.GaussianBlur(small, (5, 5), 0), 8, 24)
    closed = cv2.dilate(edges, np.ones((3, 3), np.uint8))
    contours, _ = cv2.findContours(closed, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    pieces = [c for c in contours if cv2.arcLength(c, False) > 0.05 * min(h, w)]
    if not pieces:
        return None
    points = np.concatenate(pieces)
    hull = cv2.convexHull(points)
    approx = cv2.approxPolyDP(hull, 0.02 * cv2.arcLength(hull, True), True)
    if len(approx) != 4 or not 0.2 * h * w <= cv2.contourArea(approx) <= 0.9 * h * w:
        return None
    quad = _fitted(_order(approx), points.reshape(-1, 2), min(h, w))
    if not _square_cornered(quad):
        return None
    inside = _inside(small, quad)
    # the outline's own edges (a few pixels either side) belong to neither region
    kernel = np.ones((9, 9), np.uint8)
    ring = cv2.dilate(inside, kernel) - cv2.erode(inside, kernel)
    core, desk = (inside > 0) & (ring == 0), (inside == 0) & (ring == 0)
    if not core.any() or not desk.any():
        return None
    contrast = float(np.percentile(small[core], 75)) - float(np.percentile(small[desk], 75))
    bare = float(edges[desk].sum()) <= BARE_DESK * float(edges[core].sum())
    return quad if contrast >= EDGE_CONTRAST and bare else None


def warp_page(image: np.ndarray, quad: Quad) -> np.ndarray:
    """The sheet inside `quad` as an upright rectangle of its own size."""
    src = np.array(quad, np.float32)
    tl, tr, br, bl = src
    width = round(max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl)))
    height = round(max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr)))
    dst = np.array([(0, 0), (width - 1, 0), (width - 1, height - 1), (0, height - 1)], np.float32)
    matrix = cv2.getPerspectiveTransform(src, dst)
    return cv2.warpPerspective(
        image, matrix, (width, height), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
    )


BAND_ROWS = 256  # rows of the page flattened at once where it has glare


def flatten_light(
    image: np.ndarray, min_spread: float = 18.0, *, thumb: np.ndarray | None = None
) -> tuple[np.ndarray, bool]:
    """Divide out uneven lighting (shadows, vignetting), take away glare; unchanged when
    the light is already even."""
    small, _ = working_gray(image, 600, thumb)
    background = cv2.dilate(small, np.ones((15, 15), np.uint8))
    background = cv2.GaussianBlur(cv2.medianBlur(background, 21), (0, 0), 8)
    low, high = percentiles(background, (5, 95))
    if high - low < min_spread:
        return image, False
    h, w = image.shape[:2]
    resized = cv2.resize(background, (w, h), interpolation=cv2.INTER_LINEAR)
    full: np.ndarray = np.maximum(np.asarray(resized), 40).astype(np.uint8)
    if image.ndim == 3:
        full = cv2.merge([full, full, full])
    paper = float(np.median(background))
    if high <= paper + min_spread:
        # image * 245 / background, saturated to 0..255 (OpenCV: one pass, no float copies)
        out: np.ndarray = cv2.divide(image, full, scale=245.0)
        return out, True
    # Part of the sheet lighter than its paper (a flash's or a lamp's glare): glare adds
    # light rather than scaling it, and divided out it fades the ink under it into the
    # paper. There the ink keeps its depth below the background at the paper's own gain,
    # 245 - (background - image) * 245 / paper; elsewhere (shadows) it is divided out as
    # above, the same formula with the background's own gain.
    out = np.empty_like(image)
    for top in range(0, h, BAND_ROWS):  # in bands: a phone photo's float copies are large
        band = slice(top, top + BAND_ROWS)
        back = full[band].astype(np.float32)
        depth = back - image[band]
        depth *= 245.0 / np.minimum(back, paper)
        out[band] = np.clip(245.0 - depth, 0, 255)
    return out, True


# On a pale copy the text stands only a little below its paper, while a frame's rules,
# broken into dashes by the copying, stay dark: ink is as deep as the page's own deepest
# marks make it (FAINT_SHARE of them, between FAINT_INK and DEEP_INK grey levels), and a
# rule is found after its dashes are closed up (RULE_GAP px), so that neither the text
# is lost nor the dashes of a frame's sides read as columns of text.
DEEP_INK = 40
RULE_GAP = 7


def _ink(small: np.ndarray) -> np.ndarray:
    # OpenCV's median filter is three times faster from 17 px up (a histogram method)
    background = cv2.medianBlur(cv2.dilate(small, np.ones((7, 7), np.uint8)), 17)
    diff = background.astype(np.int16) - small.astype(np.int16)
    deepest = float(np.percentile(diff[::2, ::2], 99.9))
    depth = round(min(DEEP_INK, max(FAINT_INK, FAINT_SHARE * deepest)))
    ink = (diff > depth).astype(np.uint8)
    # drop ruling lines of tables: they are long in one direction and say nothing about
    # the direction of the text
    keep: np.ndarray = ink > 0
    for close, run, widen in (((1, RULE_GAP), (1, 60), (3, 1)), ((RULE_GAP, 1), (60, 1), (1, 3))):
        closed = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, np.ones(close, np.uint8))
        rule = cv2.morphologyEx(closed, cv2.MORPH_OPEN, np.ones(run, np.uint8))
        keep &= cv2.dilate(rule, np.ones(widen, np.uint8)) == 0
    return keep.astype(np.uint8)


def lies_sideways(image: np.ndarray, *, thumb: np.ndarray | None = None) -> bool:
    """True when the text lines run vertically (the page was scanned turned by 90°).

    Horizontal lines of text give a row profile of alternating ink and gaps; characters in
    a line are close together, so the column profile is flat. Compare the two.
    """
    small, _ = working_gray(image, 1000, thumb)
    ink = _ink(small)
    if int(ink.sum()) < 200:
        return False
    rows = ink.sum(axis=1).astype(np.float64)
    cols = ink.sum(axis=0).astype(np.float64)

    def modulation(profile: np.ndarray) -> float:
        used = profile[profile.nonzero()[0].min() : profile.nonzero()[0].max() + 1]
        return float(used.std() / (used.mean() + 1e-9))

    return modulation(cols) > 1.25 * modulation(rows)


_TURNS = {1: cv2.ROTATE_90_COUNTERCLOCKWISE, 2: cv2.ROTATE_180, 3: cv2.ROTATE_90_CLOCKWISE}


def turn(image: np.ndarray, quarter_turns: int) -> np.ndarray:
    """Rotate by multiples of 90° counter-clockwise (as `np.rot90`; OpenCV's copy is
    five to thirty times faster than numpy's strided one)."""
    code = _TURNS.get(quarter_turns % 4)
    return image.copy() if code is None else np.asarray(cv2.rotate(image, code))
