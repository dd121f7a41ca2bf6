"""GB/T 36903 core metadata (电子证照元数据) of a license: one record, kept in three
places that must agree - the registry row (`License.core_metadata`), the PDF's XMP
packet (written before the seal, so the seal covers it) and the OFD's DocInfo.

Keys are the standard's Chinese element names; XMP properties carry English names in a
namespace of ours, mapped one to one (`XMP_NAMES`)."""

from __future__ import annotations

from datetime import date
from typing import Any
from xml.sax.saxutils import escape

XMP_NAMESPACE = "https://onewindow.invalid/ns/gbt36903/1.0/"
XMP_PREFIX = "gbt36903"
# 持证主体代码类型 (GB/T 36903): 111 公民身份号码, 001 统一社会信用代码
HOLDER_CODE_TYPE = {"person": "111", "enterprise": "001"}
LONG_TERM = "长期"

XMP_NAMES = {
    "证照名称": "LicenseName",
    "证照类型代码": "LicenseTypeCode",
    "证照编号": "LicenseNumber",
    "证照标识": "LicenseIdentifier",
    "颁发机构": "IssuingAuthority",
    "颁发机构代码": "IssuingAuthorityCode",
    "颁发日期": "IssueDate",
    "持证主体": "Holder",
    "持证主体代码": "HolderCode",
    "持证主体代码类型": "HolderCodeType",
    "有效期起始": "ValidFrom",
    "有效期截止": "ValidUntil",
    "签章信息": "SealInfo",
}


def core_metadata(
    *,
    title: str,
    type_code: str,
    number: str,
    identifier: str,
    issuer: str,
    issuer_code: str,
    issued_on: date,
    holder: str,
    holder_code: str,
    holder_type: str,
    valid_until: date | None,
    seal: dict[str, str],
) -> dict[str, Any]:
    """The record; 签章信息 names the seal the document is certified with (its code,
    name, certificate SHA-256 and the algorithms of the PDF and OFD signatures)."""
    return {
        "证照名称": title,
        "证照类型代码": type_code,
        "证照编号": number,
        "证照标识": identifier,
        "颁发机构": issuer,
        "颁发机构代码": issuer_code,
        "颁发日期": issued_on.isoformat(),
        "持证主体": holder,
        "持证主体代码": holder_code,
        "持证主体代码类型": HOLDER_CODE_TYPE.get(holder_type, "999"),
        "有效期起始": issued_on.isoformat(),
        "有效期截止": valid_until.isoformat() if valid_until else LONG_TERM,
        "签章信息": dict(seal),
    }


def _seal_text(seal: dict[str, str]) -> str:
    return ";".join(f"{k}={v}" for k, v in seal.items())


def xmp_packet(record: dict[str, Any]) -> bytes:
    """An XMP packet with dc:title, dc:identifier and every core metadata element."""
    properties = "".join(
        f"<{XMP_PREFIX}:{XMP_NAMES[key]}>"
        f"{escape(_seal_text(value) if isinstance(value, dict) else str(value))}"
        f"</{XMP_PREFIX}:{XMP_NAMES[key]}>"
        for key, value in record.items()
    )
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:pdf="http://ns.adobe.com/pdf/1.3/" '
        f'xmlns:{XMP_PREFIX}="{XMP_NAMESPACE}">'
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(record["证照名称"])}'
        "</rdf:li></rdf:Alt></dc:title>"
        f"<dc:identifier>{escape(record['证照标识'])}</dc:identifier>"
        "<pdf:Producer>onewindow</pdf:Producer>"
        f"{properties}"
        "</rdf:Description></rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>'
    ).encode()


def read_xmp(xmp: bytes) -> dict[str, str]:
    """The core metadata elements found in an XMP packet (for checks and tests)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    root = etree.fromstring(xmp, parser)
    found: dict[str, str] = {}
    for key, name in XMP_NAMES.items():
        qualified = f"{{{XMP_NAMESPACE}}}{name}"
        element = root.find(f".//{qualified}")
        if element is not None:
            found[key] = element.text or ""
            continue
        # RDF's short form, as pyHanko writes the packet back when it seals: attributes
        for description in root.iter("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}Description"):
            if qualified in description.attrib:
                found[key] = description.attrib[qualified]
    return found
