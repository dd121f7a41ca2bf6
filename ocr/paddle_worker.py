"""PaddleOCR in a process of its own: run as a script by the interpreter that has
`paddleocr` (`ocr.paddle.PaddleOcrEngine` with `python=`), never imported by the app.

PaddleX pins numpy, PyYAML and OpenCV to versions other than the application's, and the
pipeline holds ~4 GB: both stay out of the application's process. Protocol on stdin and
stdout, one request at a time: the parent writes a JSON header line {"h": H, "w": W}
followed by H*W*3 bytes of BGR pixels; the worker answers one JSON line, {"lines":
[[polygon, text, score], ...]} or {"error": "..."}. It prints {"ready": true} once the
models are loaded. Only the standard library, numpy and paddleocr are imported here. The
environment is the parent's: it sets PADDLE_PDX_DISABLE_MODEL_SOURCE_CHECK=True
(cases.hall.make_ocr_engine), so PaddleX does not look for a model hub.
"""

from __future__ import annotations

import json
import sys


def main() -> int:
    det_dir, det_name, rec_dir, rec_name, threads = sys.argv[1:6]
    out = sys.stdout
    sys.stdout = sys.stderr  # PaddleX prints; only answers go to the parent
    import numpy as np
    from paddleocr import PaddleOCR

    options = {"cpu_threads": int(threads)} if int(threads) > 0 else {}
    ocr = PaddleOCR(
        text_detection_model_name=det_name,
        text_detection_model_dir=det_dir,
        text_recognition_model_name=rec_name,
        text_recognition_model_dir=rec_dir,
        engine="onnxruntime",
        use_doc_orientation_classify=False,
        use_doc_unwarping=False,
        use_textline_orientation=False,
        device="cpu",
        **options,
    )
    out.write(json.dumps({"ready": True}) + "\n")
    out.flush()
    stdin = sys.stdin.buffer
    while True:
        header = stdin.readline()
        if not header:
            return 0
        size = json.loads(header)
        data = stdin.read(size["h"] * size["w"] * 3)
        try:
            image = np.frombuffer(data, np.uint8).reshape(size["h"], size["w"], 3)
            lines = []
            for result in ocr.predict(image) or ():
                polys = result.get("rec_polys", result.get("dt_polys", []))
                for poly, text, score in zip(
                    polys, result.get("rec_texts", []), result.get("rec_scores", []), strict=False
                ):
                    lines.append([np.asarray(poly).tolist(), str(text), float(score)])
            answer: dict[str, object] = {"lines": lines}
        except Exception as e:  # answered, not raised: the parent decides
            answer = {"error": f"{type(e).__name__}: {e}"}
        out.write(json.dumps(answer, ensure_ascii=False) + "\n")
        out.flush()


if __name__ == "__main__":
    sys.exit(main())
