"""A window clerk as locust sees one: open a case, upload a five-page submission, wait until
every page is read (the check the clerk looks at), again. Writes its own figures (pages read,
upload-to-read latencies) to $LOAD_RESULT when locust stops."""

from __future__ import annotations

import json
import os
import time
from itertools import count
from pathlib import Path

from locust import HttpUser, between, events, task

TOKEN = os.environ["LOAD_TOKEN"]
PAGES = [Path(p).read_bytes() for p in os.environ["LOAD_PAGES"].split(os.pathsep)]
IDS = os.environ["LOAD_IDS"].split(",")  # valid ID numbers of generated applicants
_seq = count()
_latencies: list[float] = []
_pages_read = 0
_errors = 0


class Clerk(HttpUser):
    wait_time = between(0.5, 1.5)  # the clerk takes the next applicant's papers

    def on_start(self) -> None:
        self.client.headers["Authorization"] = f"Bearer {TOKEN}"

    @task
    def submission(self) -> None:
        global _pages_read, _errors
        n = next(_seq)
        body = {
            "item_code": "SCJG-GT-001",
            "applicant_type": "person",
            "applicant_name": "负载测试",
            "applicant_id": IDS[n % len(IDS)],
        }
        with self.client.post("/api/v1/cases", json=body, catch_response=True) as r:
            if r.status_code != 201:
                _errors += 1
                r.failure(f"open case: {r.status_code}")
                return
            number = r.json()["number"]
        # distinct bytes per page (trailing data after the JPEG), so nothing is de-duplicated
        files = [
            ("files", (f"p{i}.jpg", data + f"{n}-{i}".encode(), "image/jpeg"))
            for i, data in enumerate(PAGES)
        ]
        started = time.monotonic()
        r = self.client.post(f"/api/v1/cases/{number}/pages", files=files, name="upload")
        if r.status_code != 202:
            _errors += 1
            return
        while time.monotonic() - started < 300:
            view = self.client.get(f"/api/v1/cases/{number}", name="case view")
            if view.status_code == 200 and all(
                p["status"] not in ("queued", "reading") for p in view.json()["pages"]
            ):
                _latencies.append(time.monotonic() - started)
                _pages_read += len(PAGES)
                return
            time.sleep(0.25)
        _errors += 1


@events.quitting.add_listener
def _write_result(environment: object, **_: object) -> None:
    Path(os.environ["LOAD_RESULT"]).write_text(
        json.dumps({"latencies": _latencies, "pages_read": _pages_read, "errors": _errors})
    )
