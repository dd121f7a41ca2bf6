"""OFD documents (GB/T 33190-2016) with a GB/T 38540 e-seal.

A minimal package: OFD.xml (document info with custom metadata), Doc_0/Document.xml, one
page per `OfdPage` with text and image objects, the fonts in PublicRes.xml, the images
in DocumentRes.xml and Res/. Sealing adds Doc_0/Signs/Signatures.xml and
Sign_0/Signature.xml, whose References carry the SM3 of every other file of the package,
and Sign_0/SignedValue.dat, the SES_Signature over SM3(Signature.xml). Units are
millimetres; the y axis points down.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import uuid
import zipfile
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

from signing.ses import sign_with_seal
from signing.sm2 import SM3, SM3_WITH_SM2, Sm2Key, sm3

NS = "http://www.ofdspec.org/2016"
DOC = "Doc_0"
SIGNS = f"{DOC}/Signs"
SIGN_DIR = f"{SIGNS}/Sign_0"
SIGNATURE_XML = f"{SIGN_DIR}/Signature.xml"
SIGNED_VALUE = f"{SIGN_DIR}/SignedValue.dat"
FONTS = {"song": ("宋体", "SimSun"), "hei": ("黑体", "SimHei")}


@dataclass(frozen=True)
class OfdText:
    x: float
    y: float  # baseline, from the top of the page
    text: str
    size: float = 4.2  # mm (12 pt)
    font: str = "song"
    colour: tuple[int, int, int] = (0, 0, 0)


@dataclass(frozen=True)
class OfdImage:
    x: float
    y: float
    width: float
    height: float
    png: bytes


@dataclass(frozen=True)
class OfdPage:
    texts: tuple[OfdText, ...] = ()
    images: tuple[OfdImage, ...] = ()


@dataclass(frozen=True)
class OfdDocument:
    title: str
    author: str
    pages: tuple[OfdPage, ...]
    custom: tuple[tuple[str, str], ...] = ()  # DocInfo CustomData: name, value
    width: float = 210.0
    height: float = 297.0
    created: dt.date = field(default_factory=dt.date.today)
    stamp_box: tuple[int, float, float, float, float] = (
        0,
        120.0,
        200.0,
        42.0,
        42.0,
    )  # page, x, y, w, h


def _xml(root: str, body: str, attributes: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:{root} xmlns:ofd="{NS}"{attributes}>'
        f"{body}</ofd:{root}>"
    ).encode()


def _num(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".")


def _advance(ch: str, size: float) -> float:
    """A glyph's advance: CJK characters are square, Latin ones about half as wide."""
    return size if ord(ch) >= 0x2E80 else size * 0.5


class _Ids:
    def __init__(self) -> None:
        self.last = 0

    def next(self) -> int:
        self.last += 1
        return self.last


def package_files(doc: OfdDocument) -> dict[str, bytes]:
    """The unsigned package: path inside the zip -> bytes."""
    ids = _Ids()
    font_ids = {key: ids.next() for key in FONTS}
    files: dict[str, bytes] = {}
    media: list[str] = []
    page_entries: list[str] = []
    for index, page in enumerate(doc.pages):
        page_id = ids.next()
        layer_id = ids.next()
        objects: list[str] = []
        for text in page.texts:
            advances = [_advance(ch, text.size) for ch in text.text]
            width = max(sum(advances), text.size) * 1.05
            delta_x = " ".join(_num(a) for a in advances[:-1])
            delta = f' DeltaX="{delta_x}"' if delta_x else ""
            r, g, b = text.colour
            objects.append(
                f'<ofd:TextObject ID="{ids.next()}" Boundary="{_num(text.x)} '
                f'{_num(text.y - text.size)} {_num(width)} {_num(text.size * 1.4)}" '
                f'Font="{font_ids.get(text.font, font_ids["song"])}" Size="{_num(text.size)}">'
                f'<ofd:FillColor Value="{r} {g} {b}"/>'
                f'<ofd:TextCode X="0" Y="{_num(text.size)}"{delta}>'
                f"{escape(text.text)}</ofd:TextCode>"
                "</ofd:TextObject>"
            )
        for image in page.images:
            resource_id = ids.next()
            name = f"image_{resource_id}.png"
            files[f"{DOC}/Res/{name}"] = image.png
            media.append(
                f'<ofd:MultiMedia ID="{resource_id}" Type="Image" Format="PNG">'
                f"<ofd:MediaFile>{name}</ofd:MediaFile></ofd:MultiMedia>"
            )
            objects.append(
                f'<ofd:ImageObject ID="{ids.next()}" Boundary="{_num(image.x)} {_num(image.y)} '
                f'{_num(image.width)} {_num(image.height)}" CTM="{_num(image.width)} 0 0 '
                f'{_num(image.height)} 0 0" ResourceID="{resource_id}"/>'
            )
        files[f"{DOC}/Pages/Page_{index}/Content.xml"] = _xml(
            "Page",
            f'<ofd:Content><ofd:Layer ID="{layer_id}">{"".join(objects)}</ofd:Layer></ofd:Content>',
        )
        page_entries.append(f'<ofd:Page ID="{page_id}" BaseLoc="Pages/Page_{index}/Content.xml"/>')
    fonts = "".join(
        f'<ofd:Font ID="{font_ids[key]}" FontName="{name}" FamilyName={quoteattr(family)}/>'
        for key, (family, name) in FONTS.items()
    )
    files[f"{DOC}/PublicRes.xml"] = _xml("Res", f"<ofd:Fonts>{fonts}</ofd:Fonts>", ' BaseLoc="Res"')
    files[f"{DOC}/DocumentRes.xml"] = _xml(
        "Res", f"<ofd:MultiMedias>{''.join(media)}</ofd:MultiMedias>", ' BaseLoc="Res"'
    )
    box = f"0 0 {_num(doc.width)} {_num(doc.height)}"
    files[f"{DOC}/Document.xml"] = _xml(
        "Document",
        f"<ofd:CommonData><ofd:MaxUnitID>{ids.last}</ofd:MaxUnitID>"
        f"<ofd:PageArea><ofd:PhysicalBox>{box}</ofd:PhysicalBox></ofd:PageArea>"
        "<ofd:PublicRes>PublicRes.xml</ofd:PublicRes>"
        "<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes></ofd:CommonData>"
        f"<ofd:Pages>{''.join(page_entries)}</ofd:Pages>",
    )
    custom = "".join(
        f"<ofd:CustomData Name={quoteattr(name)}>{escape(value)}</ofd:CustomData>"
        for name, value in doc.custom
    )
    files["OFD.xml"] = _xml(
        "OFD",
        "<ofd:DocBody><ofd:DocInfo>"
        f"<ofd:DocID>{uuid.uuid4().hex}</ofd:DocID>"
        f"<ofd:Title>{escape(doc.title)}</ofd:Title><ofd:Author>{escape(doc.author)}</ofd:Author>"
        f"<ofd:CreationDate>{doc.created.isoformat()}</ofd:CreationDate>"
        f"<ofd:Creator>onewindow</ofd:Creator>"
        f"{f'<ofd:CustomDatas>{custom}</ofd:CustomDatas>' if custom else ''}"
        f"</ofd:DocInfo><ofd:DocRoot>{DOC}/Document.xml</ofd:DocRoot>"
        f"<ofd:Signatures>{SIGNS}/Signatures.xml</ofd:Signatures></ofd:DocBody>",
        ' Version="1.1" DocType="OFD"',
    )
    return files


def page_id(files: dict[str, bytes], index: int) -> str:
    """The ID of page `index` as Document.xml names it."""
    from lxml import etree

    root = etree.fromstring(files[f"{DOC}/Document.xml"])
    return str(root.findall(f"{{{NS}}}Pages/{{{NS}}}Page")[index].get("ID"))


def signature_xml(
    files: dict[str, bytes], doc: OfdDocument, when: dt.datetime, provider: str
) -> bytes:
    """The signature description: SM3 of each file, the stamp's place, the value's path."""
    references = "".join(
        f'<ofd:Reference FileRef="/{path}"><ofd:CheckValue>'
        f"{base64.b64encode(sm3(data)).decode()}</ofd:CheckValue></ofd:Reference>"
        for path, data in sorted(files.items())
    )
    page, x, y, w, h = doc.stamp_box
    return _xml(
        "Signature",
        "<ofd:SignedInfo>"
        f'<ofd:Provider ProviderName={quoteattr(provider)} Version="1.0"/>'
        f"<ofd:SignatureMethod>{SM3_WITH_SM2}</ofd:SignatureMethod>"
        f"<ofd:SignatureDateTime>{when.astimezone(dt.UTC):%Y%m%d%H%M%SZ}</ofd:SignatureDateTime>"
        f'<ofd:References CheckMethod="{SM3}">{references}</ofd:References>'
        f'<ofd:StampAnnot ID="1" PageRef="{page_id(files, page)}" '
        f'Boundary="{_num(x)} {_num(y)} {_num(w)} {_num(h)}"/>'
        "</ofd:SignedInfo>"
        f"<ofd:SignedValue>/{SIGNED_VALUE}</ofd:SignedValue>",
    )


def seal_ofd(
    doc: OfdDocument,
    *,
    seal_der: bytes,
    signer_key: Sm2Key,
    signer_cert_der: bytes,
    when: dt.datetime | None = None,
    provider: str = "onewindow",
) -> bytes:
    """The OFD package of `doc`, sealed: one signature of type Seal over every file."""
    when = when or dt.datetime.now(dt.UTC)
    files = package_files(doc)
    signed = dict(files)
    description = signature_xml(signed, doc, when, provider)
    files[f"{SIGNS}/Signatures.xml"] = _xml(
        "Signatures",
        "<ofd:MaxSignId>1</ofd:MaxSignId>"
        f'<ofd:Signature ID="1" Type="Seal" BaseLoc="/{SIGNATURE_XML}"/>',
    )
    files[SIGNATURE_XML] = description
    files[SIGNED_VALUE] = sign_with_seal(
        seal_der,
        signer_key,
        signer_cert_der,
        data=description,
        property_info=f"/{SIGNATURE_XML}",
        when=when,
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in ["OFD.xml", *sorted(p for p in files if p != "OFD.xml")]:
            archive.writestr(path, files[path])
    return buffer.getvalue()
