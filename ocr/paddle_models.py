"""PaddleOCR model directories built from the ONNX models RapidOCR ships (no download).

PaddleOCR reads a model from a directory holding `inference.onnx` and an `inference.yml`
that names the model and describes its pre- and post-processing (see FACTS.md). The
PP-OCRv6 small detector and recogniser inside the `rapidocr` wheel are the same models
PaddleOCR would fetch from its hub; the recogniser's character list travels in its ONNX
metadata (key `character`, one per line). Model files are hard-linked when the
filesystem allows it (they are 30 MB), else copied.
"""

from __future__ import annotations

import os
import shutil
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ocr.errors import EngineUnavailable

DET_NAME = "PP-OCRv6_small_det"
REC_NAME = "PP-OCRv6_small_rec"
_SOURCES = {DET_NAME: "PP-OCRv6_det_small.onnx", REC_NAME: "PP-OCRv6_rec_small.onnx"}


def shipped_model(file_name: str) -> Path:
    """A model file inside the installed `rapidocr` package."""
    path = Path(str(resources.files("rapidocr") / "models" / file_name))
    if not path.is_file():
        raise EngineUnavailable(
            f"the model {file_name} is not in the installed rapidocr package ({path}); "
            "reinstall rapidocr",
            f"已安装的 rapidocr 中没有模型 {file_name}({path}),请重新安装 rapidocr",
        )
    return path


def det_config() -> dict[str, Any]:
    return {
        "Global": {"model_name": DET_NAME},
        "PreProcess": {
            "transform_ops": [
                {"DecodeImage": {"channel_first": False, "img_mode": "BGR"}},
                {"DetResizeForTest": {"resize_long": 960}},
                {
                    "NormalizeImage": {
                        "mean": [0.5, 0.5, 0.5],
                        "std": [0.5, 0.5, 0.5],
                        "scale": "1./255.",
                        "order": "hwc",
                    }
                },
                {"ToCHWImage": None},
                {"KeepKeys": {"keep_keys": ["image", "shape"]}},
            ]
        },
        "PostProcess": {
            "name": "DBPostProcess",
            "thresh": 0.3,
            "box_thresh": 0.6,
            "max_candidates": 1000,
            "unclip_ratio": 1.5,
        },
    }


def rec_config(characters: list[str]) -> dict[str, Any]:
    return {
        "Global": {"model_name": REC_NAME},
        "PreProcess": {
            "transform_ops": [
                {"DecodeImage": {"channel_first": False, "img_mode": "BGR"}},
                {"RecResizeImg": {"image_shape": [3, 48, 320]}},
                {"KeepKeys": {"keep_keys": ["image", "length", "valid_ratio"]}},
            ]
        },
        "PostProcess": {"name": "CTCLabelDecode", "character_dict": characters},
    }


def model_characters(onnx_file: Path) -> list[str]:
    """The recogniser's character list from its ONNX metadata."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    session = ort.InferenceSession(
        str(onnx_file), sess_options=options, providers=["CPUExecutionProvider"]
    )
    text = session.get_modelmeta().custom_metadata_map.get("character", "")
    characters = text.splitlines()
    if not characters:
        raise EngineUnavailable(
            f"the recogniser {onnx_file} carries no character list in its metadata",
            f"识别模型 {onnx_file} 的元数据中没有字符表",
        )
    return characters


def _place(source: Path, target: Path) -> None:
    if target.exists():
        target.unlink()
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def build_paddle_models(out_dir: Path) -> tuple[Path, Path]:
    """Write the detector and recogniser directories under `out_dir`; returns them."""
    dirs = []
    for name, source_name in _SOURCES.items():
        source = shipped_model(source_name)
        target = out_dir / name
        target.mkdir(parents=True, exist_ok=True)
        config = det_config() if name == DET_NAME else rec_config(model_characters(source))
        _place(source, target / "inference.onnx")
        (target / "inference.yml").write_text(
            yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
        dirs.append(target)
    return dirs[0], dirs[1]
