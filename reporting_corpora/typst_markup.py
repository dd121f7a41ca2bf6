"""The page model of the `typst` reporting corpus: Typst source written together with the
page's truth. Every piece of text goes through `Doc.t`, which writes it into the source as
a string literal (no markup is read from it) and appends it to the truth; layouts write
their source in a person's reading order (tables row by row, a label before its value,
the left column before the right), so the truth is the text in that order. Text that is
ink rather than reading (a seal's ring) goes through `Doc.ink`: in the PDF, not in the
truth."""

from __future__ import annotations

from dataclasses import dataclass, field

# the faces, from Debian's fonts-cns11643-sung and fonts-cns11643-kai (Taiwan's
# 全字庫 standard faces, which carry the simplified characters too); no other corpus uses them
PRINT = "TW-Sung"
HAND = "TW-Kai"

PREAMBLE = """
#let seal(ring, middle, size: 4.2cm, color: rgb(205, 30, 40)) = box(
  width: size, height: size,
  {
    place(center + horizon, circle(radius: size / 2 - 1pt, stroke: 2.4pt + color))
    place(center + horizon, text(fill: color, size: size / 4.5, "★"))
    let chars = ring.clusters()
    let n = chars.len()
    let span = 250deg
    let r = size / 2 - size / 7.5
    let fs = calc.min(size / 9, r * 4.0 / n)
    for (i, c) in chars.enumerate() {
      let a = -span / 2 + span * (i + 0.5) / n
      place(center + horizon, dx: r * calc.sin(a), dy: -r * calc.cos(a),
        rotate(a, text(fill: color, size: fs, c)))
    }
    place(center + horizon, dy: size / 4.2, text(fill: color, size: size / 12, middle))
  },
)
#let qr(rows, size: 2.6cm) = box(width: size, height: size, {
  let n = rows.len()
  let m = size / n
  for (y, row) in rows.enumerate() {
    for (x, bit) in row.clusters().enumerate() {
      if bit == "1" { place(dx: x * m, dy: y * m, rect(width: m + 0.2pt, height: m + 0.2pt,
        fill: black, stroke: none)) }
    }
  }
})
"""


def lit(text: str) -> str:
    """`text` as a Typst string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@dataclass
class Doc:
    layout: str
    landscape: bool = False
    margin: str = "(x: 2.3cm, y: 2.2cm)"
    size: str = "10.5pt"
    parts: list[str] = field(default_factory=list)  # truth, in reading order
    ink_parts: list[str] = field(default_factory=list)  # in the PDF, not the truth
    fields: list[tuple[str, str]] = field(default_factory=list)
    body: list[str] = field(default_factory=list)  # Typst source, top-level lines

    def t(self, text: str, font: str = PRINT, size: str | None = None, bold: bool = False) -> str:
        """Code for `text` in `font`; `text` joins the truth."""
        self.parts.append(text)
        args = [f'font: "{font}"']
        if size:
            args.append(f"size: {size}")
        if bold:  # the faces have one weight: a stroke thickens it, as Word's fake bold
            args.append("stroke: 0.35pt")
        return f"text({', '.join(args)}, {lit(text)})"

    def hand(self, text: str, size: str | None = None) -> str:
        """An entry written by hand (the Kai face)."""
        return self.t(text, HAND, size)

    def ink(self, text: str) -> str:
        self.ink_parts.append(text)
        return lit(text)

    def field(self, name: str, value: str) -> None:
        self.fields.append((name, value))

    def add(self, code: str) -> None:
        """A top-level block: `code` is a Typst code expression."""
        self.body.append(f"#{code}")

    def par(self, *pieces: str, indent: bool = False, align: str | None = None) -> None:
        """A paragraph of code pieces (from `t`), set one after the other."""
        content = "[" + "".join(f"#{p}" for p in pieces) + "]"
        if indent:
            content = f"par(first-line-indent: (amount: 2em, all: true), {content})"
        if align:
            content = f"align({align}, {content})"
        self.add(content)

    def space(self, height: str) -> None:
        self.add(f"v({height})")

    def source(self) -> str:
        paper = 'paper: "a4"' + (", flipped: true" if self.landscape else "")
        head = (
            f"#set page({paper}, margin: {self.margin})\n"
            f'#set text(font: "{PRINT}", size: {self.size}, lang: "zh", region: "cn")\n'
            "#set par(leading: 0.8em, spacing: 1.1em, justify: true)\n"
            "#set table(inset: (x: 5pt, y: 6pt), stroke: 0.7pt)\n"
        )
        return head + PREAMBLE + "\n\n".join(self.body) + "\n"

    def truth(self) -> str:
        return "\n".join(self.parts)


def cells(*pieces: str) -> str:
    """Content made of code pieces, for a table cell or a grid cell."""
    return "[" + "".join(f"#{p}" for p in pieces) + "]"
