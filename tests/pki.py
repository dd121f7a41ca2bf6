"""A certomancer test PKI served on loopback: CRL, OCSP and an RFC 3161 TSA.

Two architectures: "seals" (the trusted one: root, issuing CA with CRL and OCSP, a TSA,
a good seal, a seal revoked in 2021, one revoked in 2026, an expired seal) and "rogue"
(another root with its own TSA, trusted by nobody). A second server serves the same PKI
with its clock fixed in 2025 (certomancer's fake time), for revoked-after-signing cases.
Keys are ECDSA P-256, generated per test session.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from asn1crypto import pem
from certomancer.integrations.animator import Animator, AnimatorArchStore
from certomancer.registry import CertLabel, CertomancerConfig
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from signing import CertifiedKey, SealSigner

PASSWORD = b"certomancer-test"
_PW = PASSWORD.decode()

_KEYS = ("root", "interm", "ocsp", "tsa", "seal", "revoked", "expired", "late")

_CERTS = """
      root:
        subject: root
        subject-key: root
        issuer: root
        authority-key: root
        validity: {valid-from: "2020-01-01T00:00:00+0000", valid-to: "2100-01-01T00:00:00+0000"}
        extensions:
          - {id: basic_constraints, critical: true, value: {ca: true}}
          - id: key_usage
            critical: true
            smart-value: {schema: key-usage, params: [digital_signature, key_cert_sign, crl_sign]}
      interm:
        issuer: root
        validity: {valid-from: "2020-01-01T00:00:00+0000", valid-to: "2090-01-01T00:00:00+0000"}
        extensions:
          - {id: basic_constraints, critical: true, value: {ca: true, path-len-constraint: 0}}
          - id: key_usage
            critical: true
            smart-value: {schema: key-usage, params: [digital_signature, key_cert_sign, crl_sign]}
          - id: crl_distribution_points
            smart-value: {schema: crl-dist-url, params: {crl-repo-names: [root]}}
      ocsp:
        issuer: interm
        validity: {valid-from: "2020-01-01T00:00:00+0000", valid-to: "2090-01-01T00:00:00+0000"}
        extensions:
          - id: key_usage
            critical: true
            smart-value: {schema: key-usage, params: [digital_signature]}
          - {id: extended_key_usage, critical: true, value: [ocsp_signing]}
          - id: ocsp_no_check
      tsa:
        issuer: root
        validity: {valid-from: "2020-01-01T00:00:00+0000", valid-to: "2090-01-01T00:00:00+0000"}
        extensions:
          - id: key_usage
            critical: true
            smart-value: {schema: key-usage, params: [digital_signature]}
          - {id: extended_key_usage, critical: true, value: [time_stamping]}
          - id: crl_distribution_points
            smart-value: {schema: crl-dist-url, params: {crl-repo-names: [root]}}
      seal:
        issuer: interm
        validity: {valid-from: "2020-01-01T00:00:00+0000", valid-to: "2080-01-01T00:00:00+0000"}
        extensions:
          - id: key_usage
            critical: true
            smart-value: {schema: key-usage, params: [digital_signature, non_repudiation]}
          - id: crl_distribution_points
            smart-value: {schema: crl-dist-url, params: {crl-repo-names: [interm]}}
          - id: authority_information_access
            smart-value: {schema: aia-urls, params: {ocsp-responder-names: [interm]}}
      revoked:
        template: seal
        subject: revoked
        subject-key: revoked
        revocation: {revoked-since: "2021-01-01T00:00:00+0000", reason: key_compromise}
      late:
        template: seal
        subject: late
        subject-key: late
        revocation: {revoked-since: "2026-01-01T00:00:00+0000", reason: key_compromise}
      expired:
        template: seal
        subject: expired
        subject-key: expired
        validity: {valid-from: "2020-01-01T00:00:00+0000", valid-to: "2021-01-01T00:00:00+0000"}
"""

_SERVICES = """
      ocsp:
        interm: {for-issuer: interm, responder-cert: ocsp, signing-key: ocsp}
      crl-repo:
        root: {for-issuer: root, signing-key: root, simulated-update-schedule: "P90D"}
        interm: {for-issuer: interm, signing-key: interm, simulated-update-schedule: "P30D"}
      time-stamping:
        tsa: {signing-key: tsa, signing-cert: tsa}
"""


def _config(prefix: str) -> str:
    arch = "\n".join(
        f"""  {name}:
    keyset: {name}
    entity-defaults: {{country-name: CN, organization-name: {org}}}
    entities:
      root: {{common-name: {org} Root CA}}
      interm: {{common-name: {org} Seal CA}}
      ocsp: {{common-name: {org} OCSP}}
      tsa: {{common-name: {org} TSA}}
      seal: {{common-name: Seal, serial-number: 11152502MB1234567X}}
      revoked: {{common-name: Revoked Seal}}
      expired: {{common-name: Expired Seal}}
      late: {{common-name: Seal Revoked In 2026}}
    certs:{_CERTS}    services:{_SERVICES}"""
        for name, org in (("seals", "Test Seals"), ("rogue", "Rogue"))
    )
    keysets = "\n".join(
        f"  {name}:\n    path-prefix: {name}\n    keys:\n"
        + "".join(
            f"      {k}: {{path: {k}.key.pem, password: {PASSWORD.decode()}}}\n" for k in _KEYS
        )
        for name in ("seals", "rogue")
    )
    return f'external-url-prefix: "{prefix}"\nkeysets:\n{keysets}pki-architectures:\n{arch}\n'


PAST = datetime(2025, 6, 1, tzinfo=UTC)  # the fake clock of the second server


@dataclass
class TestPki:
    __test__ = False  # a fixture's value, not a test class

    url: str
    config: CertomancerConfig
    key_dir: Path
    past_url: str  # the same PKI served with its clock fixed at PAST (fake time)

    def cert_pem(self, label: str, arch: str = "seals") -> bytes:
        der = self.config.get_pki_arch(arch).get_cert(CertLabel(label)).dump()
        return pem.armor("CERTIFICATE", der)

    @property
    def root_pem(self) -> bytes:
        return self.cert_pem("root")

    def tsa_url(self, arch: str = "seals") -> str:
        return f"{self.url}/{arch}/tsa/tsa"

    def past_tsa_url(self) -> str:
        """A TSA whose tokens say PAST: signing "before" a later revocation."""
        return f"{self.past_url}/seals/tsa/tsa"

    def certified(self, label: str, arch: str = "seals") -> CertifiedKey:
        return CertifiedKey(
            key_pem=(self.key_dir / arch / f"{label}.key.pem").read_bytes(),
            cert_pem=self.cert_pem(label, arch),
            chain_pem=(self.cert_pem("interm", arch), self.cert_pem("root", arch)),
        )

    def signer(self, label: str = "seal", arch: str = "seals") -> SealSigner:
        return SealSigner.from_pem(self.certified(label, arch), PASSWORD)


class _Quiet(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve_test_pki(directory: Path) -> Iterator[TestPki]:
    """Generate keys, start certomancer's animator on a loopback port, stop it after."""
    for arch in ("seals", "rogue"):
        (directory / arch).mkdir(parents=True, exist_ok=True)
        for label in _KEYS:
            key = ec.generate_private_key(ec.SECP256R1())
            (directory / arch / f"{label}.key.pem").write_bytes(
                key.private_bytes(
                    serialization.Encoding.PEM,
                    serialization.PrivateFormat.PKCS8,
                    serialization.BestAvailableEncryption(PASSWORD),
                )
            )
    server: WSGIServer = make_server("127.0.0.1", 0, lambda e, s: [], handler_class=_Quiet)
    past: WSGIServer = make_server("127.0.0.1", 0, lambda e, s: [], handler_class=_Quiet)
    url = f"http://127.0.0.1:{server.server_port}"
    config = CertomancerConfig.from_yaml(_config(url), key_search_dir=str(directory))
    archs = AnimatorArchStore(config.pki_archs)
    server.set_app(Animator(archs, with_web_ui=False))
    past.set_app(Animator(archs, at_time=PAST, with_web_ui=False))
    for srv in (server, past):
        threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        yield TestPki(
            url=url,
            config=config,
            key_dir=directory,
            past_url=f"http://127.0.0.1:{past.server_port}",
        )
    finally:
        for srv in (server, past):
            srv.shutdown()
            srv.server_close()
