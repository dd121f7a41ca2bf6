"""PaddleOCR for real: model directories built from the models RapidOCR ships (the
`onewindow ocr-models build-paddle` command), PaddleOCR in its own interpreter
(`.venv-paddle`, built by `make`), three generated pages read through the pipeline."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from api.cli import main as cli_main
from ocr import PageReading, extract_fields, read_page
from ocr.paddle import PaddleOcrEngine
from sample_scans.scans import SampleApplicant, SamplePage

pytestmark = pytest.mark.ocr

PADDLE_PYTHON = Path(__file__).resolve().parents[2] / ".venv-paddle" / "bin" / "python"


@pytest.fixture(scope="module")
def model_dirs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("paddle-models")
    assert cli_main(["ocr-models", "build-paddle", "--out", str(out)]) == 0
    return out / "PP-OCRv6_small_det", out / "PP-OCRv6_small_rec"


@pytest.fixture(scope="module")
def paddle(model_dirs: tuple[Path, Path]) -> Iterator[PaddleOcrEngine]:
    assert PADDLE_PYTHON.is_file(), "PaddleOCR's interpreter is missing: run `make paddle-venv`"
    patch = pytest.MonkeyPatch()
    # as cases.hall.make_ocr_engine does: offline, PaddleX must not look for a model hub
    patch.setenv("PADDLE_PDX_DISABLE_MODEL_SOURCE_CHECK", "True")
    engine = PaddleOcrEngine(
        det_dir=model_dirs[0], rec_dir=model_dirs[1], threads=2, python=PADDLE_PYTHON
    )
    engine.load()
    yield engine
    engine.close()
    patch.undo()


def test_built_directories_describe_the_shipped_models(model_dirs: tuple[Path, Path]) -> None:
    det, rec = model_dirs
    det_yml = yaml.safe_load((det / "inference.yml").read_text(encoding="utf-8"))
    rec_yml = yaml.safe_load((rec / "inference.yml").read_text(encoding="utf-8"))
    assert det_yml["Global"]["model_name"] == "PP-OCRv6_small_det"
    assert det_yml["PostProcess"]["name"] == "DBPostProcess"
    characters = rec_yml["PostProcess"]["character_dict"]
    assert len(characters) == 18708 and {"旻", "翀", "赟"} <= set(characters)
    assert (rec / "inference.onnx").stat().st_size > 10_000_000


def test_three_pages_read_with_paddleocr(
    paddle: PaddleOcrEngine, gtgsh_pages: list[SamplePage], applicant: SampleApplicant
) -> None:
    # its speed is measured by bench/ocr (the `paddle` row), never here
    readings: dict[str, PageReading] = {
        p.material_code: read_page(p.data, paddle, timeout=180) for p in gtgsh_pages
    }
    assert len(readings) == 3
    for reading in readings.values():
        assert reading.engine == "paddleocr-onnxruntime" and len(reading.lines) > 8
    ids = {f.value for f in extract_fields(readings["id_card"]) if f.name == "id_number"}
    assert applicant.id_number in ids
    form = {(f.name, f.value) for f in extract_fields(readings["application_form"])}
    assert ("phone", applicant.phone) in form
    assert "租赁" in readings["premises_proof"].text
