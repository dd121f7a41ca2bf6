# ruff: noqa: RUF012 (asn1crypto declares structures with class-level _fields lists)
"""GB/T 38540-2020 electronic seal structures (version 4), DER through asn1crypto.

SESeal: the seal maker (制章人) signs, with SM2, `SEQUENCE {eSealInfo, cert, signAlgID}`
of the seal: its picture, validity and the list of signer certificates allowed to use it.
SES_Signature: the department's signer signs `TBS_Sign {version 4, eseal, timeInfo,
dataHash, propertyInfo}`; in an OFD the data hashed is the signature description file
(Signature.xml) named by propertyInfo, whose references hash every signed file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from asn1crypto import core

from signing.errors import SigningFailed
from signing.sm2 import SM3_WITH_SM2, Sm2Key, sm3

SES_VERSION = 4
SEAL_VENDOR_ID = "onewindow"


class ExtensionData(core.Sequence):
    _fields = [
        ("extnID", core.ObjectIdentifier),
        ("critical", core.Boolean, {"default": False}),
        ("extnValue", core.OctetString),
    ]


class ExtensionDatas(core.SequenceOf):
    _child_spec = ExtensionData


class SESHeader(core.Sequence):
    _fields = [("ID", core.IA5String), ("version", core.Integer), ("Vid", core.IA5String)]


class CertInfoList(core.SequenceOf):
    _child_spec = core.OctetString


class SESESPropertyInfo(core.Sequence):
    _fields = [
        ("type", core.Integer),  # 1 单位印章
        ("name", core.UTF8String),
        ("certListType", core.Integer),  # 1: the signer certificates themselves
        ("certList", CertInfoList),
        ("createDate", core.GeneralizedTime),
        ("validStart", core.GeneralizedTime),
        ("validEnd", core.GeneralizedTime),
    ]


class SESESPictureInfo(core.Sequence):
    _fields = [
        ("type", core.IA5String),
        ("data", core.OctetString),
        ("width", core.Integer),  # millimetres
        ("height", core.Integer),
    ]


class SESSealInfo(core.Sequence):
    _fields = [
        ("header", SESHeader),
        ("esID", core.IA5String),
        ("property", SESESPropertyInfo),
        ("picture", SESESPictureInfo),
        ("extDatas", ExtensionDatas, {"optional": True}),
    ]


class SESeal(core.Sequence):
    _fields = [
        ("eSealInfo", SESSealInfo),
        ("cert", core.OctetString),
        ("signAlgID", core.ObjectIdentifier),
        ("signedValue", core.OctetBitString),
    ]


class TBSSign(core.Sequence):
    _fields = [
        ("version", core.Integer),
        ("eseal", SESeal),
        ("timeInfo", core.GeneralizedTime),
        ("dataHash", core.OctetBitString),
        ("propertyInfo", core.IA5String),
        ("extDatas", ExtensionDatas, {"optional": True}),
    ]


class SESSignature(core.Sequence):
    _fields = [
        ("toSign", TBSSign),
        ("cert", core.OctetString),
        ("signatureAlgID", core.ObjectIdentifier),
        ("signature", core.OctetBitString),
        ("timeStamp", core.OctetBitString, {"explicit": 0, "optional": True}),
    ]


class SealSignedPart(core.Sequence):
    """What the seal maker signs (GB/T 38540-2020 7.1): the seal information, the maker's
    certificate and the algorithm identifier."""

    _fields = [
        ("eSealInfo", SESSealInfo),
        ("cert", core.OctetString),
        ("signAlgID", core.ObjectIdentifier),
    ]


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC).replace(microsecond=0)


def make_seal(
    maker_key: Sm2Key,
    maker_cert_der: bytes,
    *,
    es_id: str,
    name: str,
    signer_certs_der: tuple[bytes, ...],
    valid_start: dt.datetime,
    valid_end: dt.datetime,
    picture_png: bytes,
    width_mm: int,
    height_mm: int,
) -> bytes:
    """The DER SESeal, signed by the seal maker."""
    if not signer_certs_der:
        raise SigningFailed("a seal needs at least one signer", "电子印章至少需要一位签章人")
    if valid_end <= valid_start:
        raise SigningFailed("the seal's validity is empty", "电子印章有效期无效")
    info = SESSealInfo(
        {
            "header": {"ID": "ES", "version": SES_VERSION, "Vid": SEAL_VENDOR_ID},
            "esID": es_id,
            "property": {
                "type": 1,
                "name": name,
                "certListType": 1,
                "certList": list(signer_certs_der),
                "createDate": _utc(dt.datetime.now(dt.UTC)),
                "validStart": _utc(valid_start),
                "validEnd": _utc(valid_end),
            },
            "picture": {
                "type": "PNG",
                "data": picture_png,
                "width": width_mm,
                "height": height_mm,
            },
        }
    )
    signed = SealSignedPart(
        {"eSealInfo": info, "cert": maker_cert_der, "signAlgID": SM3_WITH_SM2}
    ).dump()
    return bytes(
        SESeal(
            {
                "eSealInfo": info,
                "cert": maker_cert_der,
                "signAlgID": SM3_WITH_SM2,
                "signedValue": (maker_key.sign(signed)),
            }
        ).dump()
    )


def sign_with_seal(
    seal_der: bytes,
    signer_key: Sm2Key,
    signer_cert_der: bytes,
    *,
    data: bytes,
    property_info: str,
    when: dt.datetime,
) -> bytes:
    """The DER SES_Signature over SM3(`data`) by the signer, with the seal inside."""
    tbs = TBSSign(
        {
            "version": SES_VERSION,
            "eseal": SESeal.load(seal_der),
            "timeInfo": _utc(when),
            "dataHash": (sm3(data)),
            "propertyInfo": property_info,
        }
    )
    return bytes(
        SESSignature(
            {
                "toSign": tbs,
                "cert": signer_cert_der,
                "signatureAlgID": SM3_WITH_SM2,
                "signature": (signer_key.sign(tbs.dump())),
            }
        ).dump()
    )


@dataclass(frozen=True)
class SesFacts:
    """The parts of an SES_Signature a verifier needs, as the bytes that were signed."""

    tbs_der: bytes
    signature: bytes
    signer_cert_der: bytes
    signature_alg: str
    seal_signed_der: bytes
    seal_signature: bytes
    maker_cert_der: bytes
    seal_alg: str
    seal_name: str
    es_id: str
    version: int
    allowed_signers: tuple[bytes, ...]
    valid_start: dt.datetime
    valid_end: dt.datetime
    time_info: dt.datetime
    data_hash: bytes
    property_info: str
    picture_type: str
    picture: bytes


def read_signature(der: bytes) -> SesFacts:
    """Parse an SES_Signature strictly (DER, version 4); ValueError when it is not one."""
    try:
        parsed = SESSignature.load(der, strict=True)
        tbs = parsed["toSign"]
        seal = tbs["eseal"]
        info = seal["eSealInfo"]
        prop = info["property"]
        facts = SesFacts(
            tbs_der=tbs.dump(),
            signature=bytes(parsed["signature"].native),
            signer_cert_der=bytes(parsed["cert"].native),
            signature_alg=parsed["signatureAlgID"].dotted,
            seal_signed_der=SealSignedPart(
                {"eSealInfo": info, "cert": seal["cert"], "signAlgID": seal["signAlgID"]}
            ).dump(),
            seal_signature=bytes(seal["signedValue"].native),
            maker_cert_der=bytes(seal["cert"].native),
            seal_alg=seal["signAlgID"].dotted,
            seal_name=str(prop["name"].native),
            es_id=str(info["esID"].native),
            version=int(tbs["version"].native),
            allowed_signers=tuple(bytes(c.native) for c in prop["certList"]),
            valid_start=prop["validStart"].native,
            valid_end=prop["validEnd"].native,
            time_info=tbs["timeInfo"].native,
            data_hash=bytes(tbs["dataHash"].native),
            property_info=str(tbs["propertyInfo"].native),
            picture_type=str(info["picture"]["type"].native),
            picture=bytes(info["picture"]["data"].native),
        )
    except (ValueError, TypeError, KeyError, AttributeError) as e:
        raise ValueError(f"not a GB/T 38540 SES_Signature: {e}") from e
    if parsed.dump(force=True) != der:
        raise ValueError("the SES_Signature is not in DER")
    return facts
