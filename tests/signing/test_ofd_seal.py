"""OFD with a GB/T 38540 SM2 e-seal, checked by parties that share no code with ours:
OpenSSL 3's CLI verifies both SM2 signatures over the data the standard names and the
certificate chain, `openssl asn1parse` reads the SES structures, npm's sm-crypto (run by
node) verifies the signatures again, and lxml checks the package's XML is well formed.
Then the tamper suite: every mutation of a sealed OFD is refused as not valid.

The signed parts are cut out of the DER with asn1crypto's generic parser (no SES
classes), so a mistake in signing.ses cannot hide itself."""

from __future__ import annotations

import base64
import datetime as dt
import io
import json
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from asn1crypto import core, pem
from lxml import etree
from PIL import Image

from signing.keyfile import ScryptCost
from signing.ofd import OfdDocument, OfdImage, OfdPage, OfdText, seal_ofd
from signing.ofd_verify import verify_ofd
from signing.report import Indication, VerificationReport
from signing.ses import make_seal
from signing.sm2 import Sm2Key, load_sm2_key, sm3
from signing.sm2pki import Sm2CertifiedKey, create_sm2_root, issue_sm2_certificate

NODE_DIR = Path(__file__).resolve().parents[1] / "node"
CHEAP = ScryptCost(10)
PASS = b"test-passphrase"
SIGNED_VALUE = "Doc_0/Signs/Sign_0/SignedValue.dat"
SIGNATURE_XML = "Doc_0/Signs/Sign_0/Signature.xml"


@dataclass(frozen=True)
class SealKit:
    root: Sm2CertifiedKey
    maker: Sm2CertifiedKey
    signer: Sm2CertifiedKey
    other_signer: Sm2CertifiedKey
    seal: bytes
    picture: bytes

    def key(self, certified: Sm2CertifiedKey) -> Sm2Key:
        return load_sm2_key(certified.key_pem, PASS)


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", (64, 64), (208, 2, 27, 200)).save(out, "PNG")
    return out.getvalue()


def _seal(
    kit_root: Sm2CertifiedKey, maker: Sm2CertifiedKey, signers: tuple[bytes, ...], **kw: dt.datetime
) -> bytes:
    now = dt.datetime.now(dt.UTC)
    return make_seal(
        load_sm2_key(maker.key_pem, PASS),
        maker.cert_der,
        es_id="11152500011609534E000001",
        name="锡林浩特市市场监督管理局",
        signer_certs_der=signers,
        valid_start=kw.get("start", now - dt.timedelta(days=1)),
        valid_end=kw.get("end", now + dt.timedelta(days=365)),
        picture_png=_png(),
        width_mm=42,
        height_mm=42,
    )


@pytest.fixture(scope="module")
def kit() -> SealKit:
    root = create_sm2_root(organisation="测试", passphrase=PASS, cost=CHEAP)
    maker = issue_sm2_certificate(
        root, PASS, common_name="制章人", organisation="测试制章", cost=CHEAP
    )
    signer = issue_sm2_certificate(
        root,
        PASS,
        common_name="市场监督管理局 签章人",
        organisation="锡林浩特市市场监督管理局",
        credit_code="11152500011609534E",
        cost=CHEAP,
    )
    other = issue_sm2_certificate(root, PASS, common_name="他人", organisation="他单位", cost=CHEAP)
    return SealKit(root, maker, signer, other, _seal(root, maker, (signer.cert_der,)), _png())


def _document() -> OfdDocument:
    return OfdDocument(
        title="个体工商户登记证明 GTGSH-1",
        author="锡林浩特市市场监督管理局",
        pages=(
            OfdPage(
                texts=(
                    OfdText(25, 40, "个体工商户登记证明", size=8, font="hei"),
                    OfdText(25, 60, "名称:张三"),
                ),
                images=(OfdImage(25, 200, 30, 30, _png()),),
            ),
        ),
        custom=(("证照编号", "GTGSH-1"), ("持证主体代码类型", "111")),
    )


@pytest.fixture(scope="module")
def sealed(kit: SealKit) -> bytes:
    return seal_ofd(
        _document(),
        seal_der=kit.seal,
        signer_key=kit.key(kit.signer),
        signer_cert_der=kit.signer.cert_der,
    )


def _files(ofd: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(ofd)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _zip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


def _verify(kit: SealKit, ofd: bytes, revoked: tuple[str, ...] = ()) -> VerificationReport:
    return verify_ofd(ofd, trust_roots_der=[kit.root.cert_der], revoked_cert_sha256=revoked)


# --- the generic DER cuts --------------------------------------------------------------


class _Elements(core.SequenceOf):  # any SEQUENCE, its elements left unparsed
    _child_spec = core.Any


def _items(der: bytes) -> list[core.Asn1Value]:
    return list(_Elements.load(der))


def _seq(parts: list[core.Asn1Value]) -> bytes:
    body = b"".join(p.dump() for p in parts)
    return b"\x30" + _length(len(body)) + body


def _length(n: int) -> bytes:
    if n < 0x80:
        return bytes([n])
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(raw)]) + raw


def _bits(value: core.Asn1Value) -> bytes:
    return bytes(core.OctetBitString.load(value.dump()).native)


def _octets(value: core.Asn1Value) -> bytes:
    return bytes(core.OctetString.load(value.dump()).native)


def _signed_parts(ses_der: bytes) -> dict[str, bytes]:
    to_sign, cert, _alg, signature = _items(ses_der)[:4]
    version, eseal, _time, data_hash, prop = _items(to_sign.dump())[:5]
    seal_info, maker_cert, seal_alg, seal_value = _items(eseal.dump())
    return {
        "tbs": to_sign.dump(),
        "signature": _bits(signature),
        "signer_cert": _octets(cert),
        "seal_tbs": _seq([seal_info, maker_cert, seal_alg]),
        "seal_signature": _bits(seal_value),
        "maker_cert": _octets(maker_cert),
        "data_hash": _bits(data_hash),
        "property": str(core.IA5String.load(prop.dump()).native).encode(),
        "version": bytes([core.Integer.load(version.dump()).native]),
    }


def _openssl(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["openssl", *args], capture_output=True, text=True, check=False)


def test_openssl_verifies_both_signatures_the_chain_and_reads_the_structures(
    kit: SealKit, sealed: bytes, tmp_path: Path
) -> None:
    files = _files(sealed)
    parts = _signed_parts(files[SIGNED_VALUE])
    assert parts["version"] == b"\x04"
    assert parts["property"] == b"/" + SIGNATURE_XML.encode()
    for name, data in parts.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "root.pem").write_bytes(pem.armor("CERTIFICATE", kit.root.cert_der))
    for who in ("signer_cert", "maker_cert"):
        (tmp_path / f"{who}.pem").write_bytes(pem.armor("CERTIFICATE", parts[who]))
        pub = _openssl("x509", "-in", str(tmp_path / f"{who}.pem"), "-pubkey", "-noout")
        assert pub.returncode == 0, pub.stderr
        (tmp_path / f"{who}.pub").write_text(pub.stdout)
        chain = _openssl(
            "verify",
            "-vfyopt",
            "distid:1234567812345678",
            "-CAfile",
            str(tmp_path / "root.pem"),
            str(tmp_path / f"{who}.pem"),
        )
        assert chain.returncode == 0 and ": OK" in chain.stdout, chain.stdout + chain.stderr
    for message, signature, who in (
        ("tbs", "signature", "signer_cert"),
        ("seal_tbs", "seal_signature", "maker_cert"),
    ):
        checked = _openssl(
            "pkeyutl",
            "-verify",
            "-pubin",
            "-inkey",
            str(tmp_path / f"{who}.pub"),
            "-rawin",
            "-in",
            str(tmp_path / message),
            "-sigfile",
            str(tmp_path / signature),
            "-digest",
            "sm3",
            "-pkeyopt",
            "distid:1234567812345678",
        )
        assert "Signature Verified Successfully" in checked.stdout, checked.stdout + checked.stderr
        # and a single changed byte of the signed data is refused
        (tmp_path / "bad").write_bytes(parts[message][:-1] + bytes([parts[message][-1] ^ 1]))
        bad = _openssl(
            "pkeyutl",
            "-verify",
            "-pubin",
            "-inkey",
            str(tmp_path / f"{who}.pub"),
            "-rawin",
            "-in",
            str(tmp_path / "bad"),
            "-sigfile",
            str(tmp_path / signature),
            "-digest",
            "sm3",
            "-pkeyopt",
            "distid:1234567812345678",
        )
        assert "Signature Verified Successfully" not in bad.stdout
    # dataHash is the SM3 of Signature.xml, computed by OpenSSL
    (tmp_path / "Signature.xml").write_bytes(files[SIGNATURE_XML])
    digest = _openssl(
        "dgst", "-sm3", "-binary", "-out", str(tmp_path / "sm3"), str(tmp_path / "Signature.xml")
    )
    assert digest.returncode == 0 and (tmp_path / "sm3").read_bytes() == parts["data_hash"]
    # asn1parse reads the whole SES_Signature, the SESeal inside and its picture
    (tmp_path / "ses.der").write_bytes(files[SIGNED_VALUE])
    parsed = _openssl("asn1parse", "-inform", "DER", "-in", str(tmp_path / "ses.der"), "-i")
    assert parsed.returncode == 0, parsed.stderr
    for needle in (":ES", "SM2-with-SM3", "GENERALIZEDTIME", ":PNG", SIGNATURE_XML, "UTF8STRING"):
        assert needle in parsed.stdout, needle


def test_sm_crypto_under_node_verifies_both_signatures(
    kit: SealKit, sealed: bytes, tmp_path: Path
) -> None:
    # node is a test dependency (the Makefile's APT_PACKAGES), never a reason to skip
    assert shutil.which("node"), "node is missing: run `make system-deps`"
    assert (NODE_DIR / "node_modules" / "sm-crypto").is_dir(), "run `make node-deps`"
    parts = _signed_parts(_files(sealed)[SIGNED_VALUE])
    cases = []
    for message, signature, who in (
        ("tbs", "signature", "signer_cert"),
        ("seal_tbs", "seal_signature", "maker_cert"),
    ):
        point = _items(_items(parts[who])[0].dump())[6]  # tbsCertificate.subjectPublicKeyInfo
        cases.append(
            {
                "msg": parts[message].hex(),
                "sig": parts[signature].hex(),
                "pub": _bits(_items(point.dump())[1]).hex(),
            }
        )
    cases.append(
        {**cases[0], "msg": cases[0]["msg"][:-2] + ("00" if cases[0]["msg"][-2:] != "00" else "01")}
    )
    script = tmp_path / "check.js"
    script.write_text(
        "const sm2 = require('sm-crypto').sm2;\n"
        "const cases = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));\n"
        "const hex = h => Array.from(Buffer.from(h, 'hex'));\n"
        "console.log(JSON.stringify(cases.map(c => sm2.doVerifySignature(hex(c.msg), c.sig, c.pub,"
        " {der: true, hash: true, userId: '1234567812345678'}))));\n"
    )
    (tmp_path / "cases.json").write_text(json.dumps(cases))
    run = subprocess.run(
        ["node", str(script), str(tmp_path / "cases.json")],
        capture_output=True,
        text=True,
        env={"NODE_PATH": str(NODE_DIR / "node_modules"), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == [True, True, False]


def test_the_package_is_well_formed_and_verifies(kit: SealKit, sealed: bytes) -> None:
    files = _files(sealed)
    assert next(iter(files)) == "OFD.xml"
    for name, data in files.items():
        if name.endswith(".xml"):
            root = etree.fromstring(data)
            assert root.tag.startswith("{http://www.ofdspec.org/2016}"), name
    references = etree.fromstring(files[SIGNATURE_XML]).findall(
        ".//{http://www.ofdspec.org/2016}Reference"
    )
    covered = {r.get("FileRef", "").lstrip("/") for r in references}
    assert covered == {n for n in files if not n.startswith("Doc_0/Signs/")}
    for r in references:
        data = files[r.get("FileRef", "").lstrip("/")]
        assert (
            r.findtext("{http://www.ofdspec.org/2016}CheckValue")
            == base64.b64encode(sm3(data)).decode()
        )
    report = _verify(kit, sealed)
    assert report.indication is Indication.TOTAL_PASSED, report.summary_zh()
    (signature,) = report.signatures
    assert (
        signature.signer_organisation == "锡林浩特市市场监督管理局"
        and signature.pades_level == "GB/T 38540"
    )


# --- tamper suite ----------------------------------------------------------------------


IMAGE = "Doc_0/Res/*.png"


def _path(files: dict[str, bytes], path: str) -> str:
    if path == IMAGE:
        return next(p for p in files if p.startswith("Doc_0/Res/") and p.endswith(".png"))
    return path


def _edit(path: str, change: Callable[[bytes], bytes]) -> Callable[[SealKit, bytes], bytes]:
    def mutate(kit: SealKit, ofd: bytes) -> bytes:
        files = _files(ofd)
        files[_path(files, path)] = change(files[_path(files, path)])
        return _zip(files)

    return mutate


def _without(path: str) -> Callable[[SealKit, bytes], bytes]:
    def mutate(kit: SealKit, ofd: bytes) -> bytes:
        files = _files(ofd)
        del files[_path(files, path)]
        return _zip(files)

    return mutate


def _with(path: str, data: bytes) -> Callable[[SealKit, bytes], bytes]:
    def mutate(kit: SealKit, ofd: bytes) -> bytes:
        return _zip({**_files(ofd), path: data})

    return mutate


def _re_reference(kit: SealKit, ofd: bytes) -> bytes:
    """Change a page, then fix its reference in Signature.xml (dataHash no longer fits)."""
    files = _files(ofd)
    page = "Doc_0/Pages/Page_0/Content.xml"
    old = base64.b64encode(sm3(files[page])).decode().encode()
    files[page] = files[page].replace("张三".encode(), "李四".encode())
    new = base64.b64encode(sm3(files[page])).decode().encode()
    files[SIGNATURE_XML] = files[SIGNATURE_XML].replace(old, new)
    return _zip(files)


def _re_sign_as(
    signer: str, *, seal: Callable[[SealKit], bytes] | None = None
) -> Callable[[SealKit, bytes], bytes]:
    def mutate(kit: SealKit, ofd: bytes) -> bytes:
        certified = getattr(kit, signer)
        return seal_ofd(
            _document(),
            seal_der=seal(kit) if seal else kit.seal,
            signer_key=kit.key(certified),
            signer_cert_der=certified.cert_der,
        )

    return mutate


def _foreign_pki(kit: SealKit, ofd: bytes) -> bytes:
    root = create_sm2_root(organisation="伪造", passphrase=PASS, cost=CHEAP)
    maker = issue_sm2_certificate(
        root, PASS, common_name="伪造制章人", organisation="伪造", cost=CHEAP
    )
    signer = issue_sm2_certificate(
        root, PASS, common_name="伪造签章人", organisation="锡林浩特市市场监督管理局", cost=CHEAP
    )
    return seal_ofd(
        _document(),
        seal_der=_seal(root, maker, (signer.cert_der,)),
        signer_key=load_sm2_key(signer.key_pem, PASS),
        signer_cert_der=signer.cert_der,
    )


def _flip_last(data: bytes) -> bytes:
    return data[:-1] + bytes([data[-1] ^ 0x01])


def _flip_seal_signature(data: bytes) -> bytes:
    parts = _signed_parts(data)
    return data.replace(parts["seal_signature"], _flip_last(parts["seal_signature"]))


def _swap_signer_cert(kit: SealKit) -> Callable[[bytes], bytes]:
    def change(data: bytes) -> bytes:
        parts = _signed_parts(data)
        return data.replace(
            parts["signer_cert"],
            kit.other_signer.cert_der[: len(parts["signer_cert"])].ljust(
                len(parts["signer_cert"]), b"\0"
            ),
        )

    return change


def _traversal(kit: SealKit, ofd: bytes) -> bytes:
    return _zip({**_files(ofd), "../evil.xml": b"<x/>"})


MUTATIONS: dict[str, Callable[[SealKit, bytes], bytes]] = {
    "page text changed": _edit(
        "Doc_0/Pages/Page_0/Content.xml", lambda d: d.replace("张三".encode(), "李四".encode())
    ),
    "page size changed": _edit(
        "Doc_0/Document.xml", lambda d: d.replace(b"0 0 210 297", b"0 0 297 210")
    ),
    "document info changed": _edit("OFD.xml", lambda d: d.replace(b"GTGSH-1<", b"GTGSH-2<")),
    "custom metadata changed": _edit("OFD.xml", lambda d: d.replace(b">111<", b">001<")),
    "image replaced": _edit(IMAGE, lambda d: d[:-20] + bytes(20)),
    "image deleted": _without(IMAGE),
    "unsigned page added": _with(
        "Doc_0/Pages/Page_1/Content.xml", b"<ofd:Page xmlns:ofd='http://www.ofdspec.org/2016'/>"
    ),
    "font list changed": _edit(
        "Doc_0/PublicRes.xml", lambda d: d.replace("宋体".encode(), "楷体".encode())
    ),
    "reference fixed, dataHash not": _re_reference,
    "signature description deleted": _without(SIGNATURE_XML),
    "signature value bit flipped": _edit(SIGNED_VALUE, _flip_last),
    "seal maker signature flipped": _edit(SIGNED_VALUE, _flip_seal_signature),
    "signed value truncated": _edit(SIGNED_VALUE, lambda d: d[:-40]),
    "signed value with trailing bytes": _edit(SIGNED_VALUE, lambda d: d + b"\0\0"),
    "signer certificate swapped": lambda kit, ofd: _edit(SIGNED_VALUE, _swap_signer_cert(kit))(
        kit, ofd
    ),
    "signatures list points elsewhere": _edit(
        "Doc_0/Signs/Signatures.xml", lambda d: d.replace(b"Sign_0", b"Sign_9")
    ),
    "signature reference removed": _edit(
        "OFD.xml",
        lambda d: d.replace(b"<ofd:Signatures>Doc_0/Signs/Signatures.xml</ofd:Signatures>", b""),
    ),
    "signed by a signer not in the seal": _re_sign_as("other_signer"),
    "seal expired when signed": _re_sign_as(
        "signer",
        seal=lambda kit: _seal(
            kit.root,
            kit.maker,
            (kit.signer.cert_der,),
            start=dt.datetime.now(dt.UTC) - dt.timedelta(days=30),
            end=dt.datetime.now(dt.UTC) - dt.timedelta(days=1),
        ),
    ),
    "a foreign SM2 PKI": _foreign_pki,
    "path traversal entry": _traversal,
    "not a zip": lambda kit, ofd: b"PK\x03\x04" + ofd[40:],
}


@pytest.mark.parametrize("name", list(MUTATIONS))
def test_tampered_ofd_never_verifies(kit: SealKit, sealed: bytes, name: str) -> None:
    forged = MUTATIONS[name](kit, sealed)
    assert forged != sealed
    report = _verify(kit, forged)
    assert report.indication is not Indication.TOTAL_PASSED, name


def test_a_revoked_signer_fails(kit: SealKit, sealed: bytes) -> None:
    import hashlib

    report = _verify(kit, sealed, revoked=(hashlib.sha256(kit.signer.cert_der).hexdigest(),))
    assert report.indication is Indication.TOTAL_FAILED and report.sub_indication == "REVOKED"


def test_at_least_fifteen_mutations() -> None:
    assert len(MUTATIONS) >= 15
