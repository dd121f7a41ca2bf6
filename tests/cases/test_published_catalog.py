"""The published catalog read from the database: the current version of each item, one
hall seeing another's publish at once, nothing kept from an uncommitted publish, and the
announcements every publish (the import at start included) writes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from cases.accounts import create_user
from cases.catalog import admin as catalog_admin
from cases.catalog.announcements import MAX_PER_PAGE, list_announcements
from cases.catalog.changes import describe
from cases.catalog.spec import load_catalog
from cases.config import Settings
from cases.db import session_scope
from cases.errors import UnknownServiceItem
from cases.hall import Hall
from models import CatalogAnnouncement, ChecklistVersion, Role, User
from tests.catalog_items import NEW, new_item

ORG = load_catalog().org
IMPORTED = sum(len(v) for v in load_catalog().history.values())  # versions in the directory


@pytest.fixture
def hall(tmp_path: Path) -> Iterator[Hall]:
    hall = Hall.open(Settings(data_dir=tmp_path))
    yield hall
    hall.close()


def _admin(session: Session) -> User:
    user, _ = create_user(session, username="admin", display_name="管理员", role=Role.ADMIN)
    return user


def test_the_current_version_is_the_newest_in_effect(hall: Hall) -> None:
    with session_scope(hall.sessions) as s:
        spring = hall.catalog.current(s, today=date(2026, 3, 1))
        summer = hall.catalog.current(s, today=date(2026, 7, 1))
        before = hall.catalog.current(s, today=date(2025, 12, 31))
    assert spring.item("SCJG-GT-001").version == 1  # version 2 takes effect on 2026-06-01
    assert summer.item("SCJG-GT-001").version == 2
    assert not before.items  # nothing was in effect before the sample's first versions
    assert spring.org == ORG


def test_a_publish_by_one_hall_is_seen_by_another_at_once(tmp_path: Path) -> None:
    first = Hall.open(Settings(data_dir=tmp_path))
    second = Hall.open(Settings(data_dir=tmp_path))  # another process on the same database
    try:
        with session_scope(second.sessions) as s:
            cached = second.catalog.current(s)
            assert NEW not in cached.items
            assert second.catalog.current(s) is cached  # nothing changed: nothing rebuilt
        with session_scope(first.sessions) as s:
            texts = {"dz.yaml": new_item(date.today())}
            catalog_admin.publish_texts(s, texts, ORG, actor=_admin(s))
        with session_scope(second.sessions) as s:
            seen = second.catalog.current(s)
        assert seen.item(NEW).name == "个人独资企业设立登记"
        assert seen.item("SCJG-GT-001") == cached.item("SCJG-GT-001")
    finally:
        first.close()
        second.close()


def test_an_uncommitted_publish_is_read_but_not_kept(hall: Hall) -> None:
    with session_scope(hall.sessions) as s:
        assert NEW not in hall.catalog.current(s).items  # built and kept
    with pytest.raises(RuntimeError), session_scope(hall.sessions) as s:
        catalog_admin.publish_texts(s, {"dz.yaml": new_item(date.today())}, ORG, actor=_admin(s))
        assert hall.catalog.current(s).item(NEW).version == 1  # its own transaction sees it
        raise RuntimeError("the request fails after the publish: it rolls back")
    with session_scope(hall.sessions) as s:
        with pytest.raises(UnknownServiceItem):
            hall.catalog.current(s).item(NEW)
        assert list_announcements(s, item_code=NEW).total == 0


def test_a_version_dated_later_takes_over_on_its_day(hall: Hall) -> None:
    tomorrow = date.today() + timedelta(days=1)
    with session_scope(hall.sessions) as s:
        catalog_admin.publish_texts(s, {"dz.yaml": new_item(tomorrow)}, ORG, actor=_admin(s))
    with session_scope(hall.sessions) as s:
        assert NEW not in hall.catalog.current(s).items
        assert hall.catalog.current(s, today=tomorrow).item(NEW).version == 1
        (announced,) = list_announcements(s, item_code=NEW).entries
        assert announced.upcoming and announced.effective_from == tomorrow
        assert not list_announcements(s, item_code=NEW, today=tomorrow).entries[0].upcoming


def test_the_import_at_start_announces_each_version_in_words(hall: Hall) -> None:
    with session_scope(hall.sessions) as s:
        found = list_announcements(s, per_page=MAX_PER_PAGE)
    assert found.total == IMPORTED  # every version in the sample catalog directory
    by_version = {(a.item_code, a.version): a for a in found.entries}
    first = by_version[("SCJG-GT-001", 1)]
    assert first.new_item and first.changes[0].startswith("新增事项“个体工商户设立登记”")
    second = by_version[("SCJG-GT-001", 2)]
    assert second.previous_version == 1 and not second.upcoming
    assert "新增材料“经营场所使用证明(不动产权证书)”" in second.changes
    assert "申请人类型由自然人、法人调整为自然人" in second.changes
    assert "办事指南内容已更新" in second.changes
    agent = "材料“委托代理人证明及身份证复印件”"
    assert f"{agent}是否必交由选交调整为必交" in second.changes
    assert f"{agent}适用情形由无调整为委托代理人办理" in second.changes  # named, not `agent`
    # newest first: the sample's later versions were imported after the first ones
    assert [a.published_at for a in found.entries] == sorted(
        (a.published_at for a in found.entries), reverse=True
    )


def test_changes_in_words() -> None:
    v1, v2 = load_catalog().history["SCJG-SP-002"]
    words = describe(v1, v2, departments={"scjgj": "锡林浩特市市场监督管理局"})
    assert "材料“营业执照复印件”须加盖公章由否调整为是" in words
    moved = v2.model_copy(update={"time_limit_days": 7, "department": "wjw"})
    assert describe(v2, moved, departments={"scjgj": "市场监管局", "wjw": "卫健委"}) == [
        "实施部门由市场监管局调整为卫健委",
        "承诺办理时限由10个工作日调整为7个工作日",
    ]
    hints = v2.materials[0].hints.model_copy(update={"keywords": ("申请书",)})
    recognised = v2.model_copy(
        update={"materials": (v2.materials[0].model_copy(update={"hints": hints}),)}
    )
    same_for_applicants = recognised.model_copy(update={"materials": v2.materials[:1]})
    assert describe(recognised, same_for_applicants) == ["事项信息未作对外可见的调整"]


def test_announcement_pages_are_bounded(hall: Hall) -> None:
    with session_scope(hall.sessions) as s:
        huge = list_announcements(s, per_page=10_000)
        past_the_end = list_announcements(s, page=99, per_page=5)
        last = list_announcements(s, page=-(-IMPORTED // 5), per_page=5)
    assert huge.per_page == MAX_PER_PAGE
    assert past_the_end.entries == () and past_the_end.total == IMPORTED
    assert past_the_end.pages == -(-IMPORTED // 5)
    assert len(last.entries) == IMPORTED - 5 * (last.pages - 1)


def test_versions_published_before_announcements_are_announced_at_start(tmp_path: Path) -> None:
    """A database upgraded to announcements: its versions are announced at the next start,
    as of the day each was published, and only once."""
    hall = Hall.open(Settings(data_dir=tmp_path))
    with session_scope(hall.sessions) as s:
        s.execute(delete(CatalogAnnouncement))
        published = dict(s.execute(select(ChecklistVersion.id, ChecklistVersion.created_at)).all())
    hall.close()
    for _ in range(2):
        hall = Hall.open(Settings(data_dir=tmp_path))
        with session_scope(hall.sessions) as s:
            rows = s.scalars(select(CatalogAnnouncement)).all()
            announced = {a.checklist_id: a.published_at for a in rows}
            found = list_announcements(s, item_code="SCJG-GT-001")
        hall.close()
        assert announced == published
        assert [a.version for a in found.entries] == [2, 1]
        assert "申请人类型由自然人、法人调整为自然人" in found.entries[0].changes
