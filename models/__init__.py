"""SQLAlchemy tables. Import from here; each module holds one concept."""

from models.applicant import Applicant, Channel, PostalSubmission, SignInCode
from models.archive import ShareGrant, StoredObject
from models.audit import AuditChainHead, AuditCheckpoint, AuditEvent
from models.base import Base, utcnow
from models.case import (
    IN_REVIEW,
    Case,
    CaseStatus,
    Deficiency,
    FieldConfirmation,
    FindingOverride,
    Material,
    Notice,
    NoticeKind,
    Page,
    PageStatus,
    Submission,
)
from models.catalog import CatalogAnnouncement, ChecklistVersion, ServiceItem
from models.delivery import (
    Delivery,
    DeliveryMethod,
    DeliveryStatus,
    PostalEvent,
    Rating,
    SmsMessage,
)
from models.jobs import JobRun, JobRunStatus
from models.license import License, LicenseStatus, Seal, SealStatus
from models.numbering import NumberCounter
from models.org import (
    Delegation,
    DelegationKind,
    Department,
    HallLevel,
    Role,
    ServiceHall,
    User,
    Window,
)
from models.platform import PlatformRecord, PlatformRecordKind, PlatformRecordStatus
from models.review import (
    ClockSuspension,
    Decision,
    DecisionDocument,
    Handover,
    HandoverDirection,
    Outcome,
    ReviewTask,
    TaskKind,
    TaskStatus,
)
from models.scanning import ScanRecord
from models.throttle import ThrottleCounter

__all__ = [
    "IN_REVIEW",
    "Applicant",
    "AuditChainHead",
    "AuditCheckpoint",
    "AuditEvent",
    "Base",
    "Case",
    "CaseStatus",
    "CatalogAnnouncement",
    "Channel",
    "ChecklistVersion",
    "ClockSuspension",
    "Decision",
    "DecisionDocument",
    "Deficiency",
    "Delegation",
    "DelegationKind",
    "Delivery",
    "DeliveryMethod",
    "DeliveryStatus",
    "Department",
    "FieldConfirmation",
    "FindingOverride",
    "HallLevel",
    "Handover",
    "HandoverDirection",
    "JobRun",
    "JobRunStatus",
    "License",
    "LicenseStatus",
    "Material",
    "Notice",
    "NoticeKind",
    "NumberCounter",
    "Outcome",
    "Page",
    "PageStatus",
    "PlatformRecord",
    "PlatformRecordKind",
    "PlatformRecordStatus",
    "PostalEvent",
    "PostalSubmission",
    "Rating",
    "ReviewTask",
    "Role",
    "ScanRecord",
    "Seal",
    "SealStatus",
    "ServiceHall",
    "ServiceItem",
    "ShareGrant",
    "SignInCode",
    "SmsMessage",
    "StoredObject",
    "Submission",
    "TaskKind",
    "TaskStatus",
    "ThrottleCounter",
    "User",
    "Window",
    "utcnow",
]
