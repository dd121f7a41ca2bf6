"""The browser tests use the same running hall as the API tests."""

from tests.api.conftest import desk, embedded_desk, sample_pages

__all__ = ["desk", "embedded_desk", "sample_pages"]
