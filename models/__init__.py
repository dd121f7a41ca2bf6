"""SQLAlchemy tables. Import from here; each module holds one concept."""

from models.archive import StoredObject
from models.audit import AuditEvent
from models.base import Base, utcnow
from models.case import (
    Case,
    CaseStatus,
    Deficiency,
    Material,
    Notice,
    NoticeKind,
    Page,
    PageStatus,
    Submission,
)
from models.catalog import ChecklistVersion, MaterialRequirement, ServiceItem
from models.license import License, LicenseStatus, Seal, SealStatus
from models.org import Delegation, DelegationKind, Department, Role, User, Window
from models.review import Decision, Outcome, ReviewTask, TaskStatus

__all__ = [
    "AuditEvent",
    "Base",
    "Case",
    "CaseStatus",
    "ChecklistVersion",
    "Decision",
    "Deficiency",
    "Delegation",
    "DelegationKind",
    "Department",
    "License",
    "LicenseStatus",
    "Material",
    "MaterialRequirement",
    "Notice",
    "NoticeKind",
    "Outcome",
    "Page",
    "PageStatus",
    "ReviewTask",
    "Role",
    "Seal",
    "SealStatus",
    "ServiceItem",
    "StoredObject",
    "Submission",
    "TaskStatus",
    "User",
    "Window",
    "utcnow",
]
