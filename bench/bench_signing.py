"""Sealed licenses per second and verifications per second on 2 cores, against raw pyHanko
signing and validation of the same rendered license PDF, measured in the same run.

"ours" is `signing.sign_pdf` (PAdES B-B, certified, visible vector seal) and
`signing.verify_pdf` (report with DocMDP, coverage, revocation policy); "raw pyHanko" is
`PdfSigner.sign_pdf` with the same signer, field, appearance and certification, and
`validate_pdf_signature` with the same trust root. Rounds alternate ours/raw (paired) and
each round runs one worker process per core.

Run: .venv/bin/python bench/bench_signing.py [--seconds 3] [--rounds 3] [--workers 2]
"""

from __future__ import annotations

import argparse
import io
import multiprocessing as mp
import statistics
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from cases.printing.fonts import FontKind, find_font
from cases.results.license_document import LicenseContent, render_license
from signing import (
    SealSigner,
    create_ca_hierarchy,
    issue_seal_certificate,
    seal_appearance_pdf,
    sign_pdf,
    verify_pdf,
)
from signing.sign import _stamp_style
from signing.verify import trust_roots

PASS = b"bench-passphrase"
_STATE: dict[str, Any] = {}


def _setup() -> dict[str, Any]:
    root, issuing = create_ca_hierarchy(organisation="锡林浩特市政务服务局", passphrase=PASS)
    seal = issue_seal_certificate(
        issuing,
        PASS,
        common_name="锡林浩特市市场监督管理局 电子印章",
        organisation="锡林浩特市市场监督管理局",
        credit_code="11152502MB1234567X",
    )
    rendered = render_license(
        LicenseContent(
            title="个体工商户登记证明",
            number="GTGSH-11152502MB1234567X-2026000001-V1L",
            identifier="1.2.156.3005.2.11152502MB1234567X001.11152502MB1234567X.20260000001.001.K",
            holder="张三",
            holder_id="152502199001011234",
            item_name="个体工商户设立登记",
            department_name="锡林浩特市市场监督管理局",
            issued_on=date(2026, 1, 5),
            valid_until=None,
            details=(("办件编号", "2026010500001"),),
            verify_url="http://127.0.0.1:8000/verify?license=X",
        )
    )
    appearance = seal_appearance_pdf(
        "锡林浩特市市场监督管理局", font_path=str(find_font(FontKind.HEI)), subtitle=""
    )
    return {
        "root": root.cert_pem,
        "seal": seal,
        "pdf": rendered.pdf,
        "page": rendered.seal_page,
        "box": rendered.seal_box,
        "appearance": appearance,
    }


def _init(state: dict[str, Any]) -> None:
    _STATE.update(state)
    _STATE["signer"] = SealSigner.from_pem(state["seal"], PASS)
    _STATE["roots"] = trust_roots([state["root"]])
    _STATE["signed"] = _ours_sign()


def _ours_sign() -> bytes:
    s = _STATE
    return sign_pdf(
        s["pdf"],
        s["signer"],
        field_name="Seal-dept",
        page=s["page"],
        box=s["box"],
        appearance_pdf=s["appearance"],
        certify=True,
        reason="license",
    )


def _raw_sign() -> bytes:
    s = _STATE
    x1, y1, x2, y2 = s["box"]
    meta = signers.PdfSignatureMetadata(
        field_name="Seal-dept",
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        certify=True,
        docmdp_permissions=fields.MDPPerm.FILL_FORMS,
        reason="license",
    )
    pdf_signer = signers.PdfSigner(
        meta,
        s["signer"].pyhanko_signer,
        stamp_style=_stamp_style(s["appearance"]),
        new_field_spec=fields.SigFieldSpec(
            "Seal-dept", on_page=s["page"], box=(round(x1), round(y1), round(x2), round(y2))
        ),
    )
    out = pdf_signer.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(s["pdf"])), output=io.BytesIO())
    return bytes(out.getvalue())


def _ours_verify() -> bool:
    report = verify_pdf(_STATE["signed"], trust_roots_pem=[_STATE["root"]])
    return str(report.indication) == "TOTAL-PASSED"


def _raw_verify() -> bool:
    sig = PdfFileReader(io.BytesIO(_STATE["signed"])).embedded_signatures[0]
    status = validate_pdf_signature(sig, ValidationContext(trust_roots=_STATE["roots"]))
    return bool(status.bottom_line)


TASKS = {
    "ours-sign": _ours_sign,
    "raw-sign": _raw_sign,
    "ours-verify": _ours_verify,
    "raw-verify": _raw_verify,
}


def _worker(args: tuple[str, float]) -> int:
    name, seconds = args
    task = TASKS[name]
    task()  # warm
    done = 0
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        result = task()
        assert result, name
        done += 1
    return done


def _rate(pool: Any, name: str, seconds: float, workers: int) -> float:
    started = time.perf_counter()
    counts = pool.map(_worker, [(name, seconds)] * workers)
    return sum(counts) / (time.perf_counter() - started)


def _issue_rate(seconds: float) -> float:
    """Whole `issue_license` (render, QR payload, XMP, PAdES seal with delegation check,
    OFD with its GB/T 38540 SM2 seal, archive PDF, OFD and JSON, registry row, audit) on
    the embedded hall, one process."""
    import tempfile

    from cases.accounts import create_user
    from cases.config import Settings
    from cases.db import session_scope
    from cases.hall import Hall
    from cases.intake import pages as intake
    from cases.results.licenses import issue_license
    from models import Role
    from sample_scans.scans import sample_applicant

    with tempfile.TemporaryDirectory() as tmp:
        hall = Hall.open(Settings(data_dir=Path(tmp)))
        with session_scope(hall.sessions) as s:
            clerk, _ = create_user(
                s, username="c", display_name="c", role=Role.CLERK, window_code="W01"
            )
            create_user(
                s, username="r", display_name="r", role=Role.REVIEWER, department_code="scjgj"
            )
        done, seed = 0, 0
        started = time.perf_counter()
        warm = True  # the first license makes the seal's SM2 side: not part of the rate
        while warm or time.perf_counter() - started < seconds:
            seed += 1
            with session_scope(hall.sessions) as s:
                from sqlalchemy import select

                from models import User

                clerk = s.scalars(select(User).where(User.username == "c")).one()
                reviewer = s.scalars(select(User).where(User.username == "r")).one()
                applicant = sample_applicant(seed=seed)
                case = intake.create_case(
                    s,
                    item_code="SCJG-GT-001",
                    applicant_type="person",
                    applicant_name=applicant.name,
                    applicant_id=applicant.id_number,
                    actor=clerk,
                )
                issue_license(s, hall, case, actor=reviewer)
            if warm:
                warm, started = False, time.perf_counter()
                continue
            done += 1
        rate = done / (time.perf_counter() - started)
        hall.close()
    return rate


def _issue_worker(seconds: float) -> float:
    return _issue_rate(seconds)


def _issue_rate_parallel(seconds: float, workers: int) -> float:
    """`issue_license` in `workers` processes at once, each on its own embedded hall (PDF
    and OFD, both sealed): the licenses per second the cores give together."""
    ctx = mp.get_context("spawn")
    with ctx.Pool(workers) as pool:
        return sum(pool.map(_issue_worker, [seconds] * workers))


def _paired_ms(rounds: int, per_round: int = 15) -> dict[str, float]:
    """Milliseconds per operation in this process, ours and raw alternating (paired):
    steadier than the pool rates on a busy shared machine."""
    _init(_setup())
    times: dict[str, list[float]] = {name: [] for name in TASKS}
    for r in range(2 * rounds):
        for name in list(TASKS) if r % 2 == 0 else list(reversed(TASKS)):
            task = TASKS[name]
            task()
            started = time.perf_counter()
            for _ in range(per_round):
                task()
            times[name].append((time.perf_counter() - started) / per_round * 1000)
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    state = _setup()
    rates: dict[str, list[float]] = {name: [] for name in TASKS}
    ctx = mp.get_context("fork")
    with ctx.Pool(args.workers, initializer=_init, initargs=(state,)) as pool:
        for i in range(args.rounds):
            order = ["ours", "raw"] if i % 2 == 0 else ["raw", "ours"]
            for kind in ("sign", "verify"):
                for who in order:
                    name = f"{who}-{kind}"
                    rates[name].append(_rate(pool, name, args.seconds, args.workers))
    med = {name: statistics.median(values) for name, values in rates.items()}
    print(f"## Sealing and verification, {args.workers} worker processes, median of {args.rounds}")
    print()
    print("| operation | ours (/s) | raw pyHanko (/s) | our overhead | target |")
    print("| --- | --- | --- | --- | --- |")
    for kind, target in (
        ("sign", "≥ 20 B-B licenses/s, overhead ≤ 20%"),
        ("verify", "overhead ≤ 20%"),
    ):
        ours, raw = med[f"ours-{kind}"], med[f"raw-{kind}"]
        overhead = (raw / ours - 1) * 100
        row = f"| {kind} (PAdES B-B, certified) | {ours:.1f} | {raw:.1f} | {overhead:+.1f}%"
        print(f"{row} | {target} |")
    print(f"| issue_license end to end, 1 process | {_issue_rate(args.seconds):.1f} | – | – | – |")
    both = _issue_rate_parallel(args.seconds, args.workers)
    print(
        f"| issue_license end to end (PDF + OFD), {args.workers} processes | {both:.1f} | – | – "
        "| ≥ 10 licenses/s |"
    )
    ms = _paired_ms(args.rounds)
    print()
    print("| one process, paired | ours (ms/op) | raw pyHanko (ms/op) | our overhead |")
    print("| --- | --- | --- | --- |")
    for kind in ("sign", "verify"):
        ours, raw = ms[f"ours-{kind}"], ms[f"raw-{kind}"]
        print(f"| {kind} | {ours:.1f} | {raw:.1f} | {(ours / raw - 1) * 100:+.1f}% |")
    print()
    print("per-round rates:", {k: [round(v, 1) for v in vs] for k, vs in rates.items()})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
