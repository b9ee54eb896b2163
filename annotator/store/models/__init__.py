"""The ORM models. Importing this package registers every table on ``Base.metadata``."""

from annotator.store.models.actor import ActorAliasRow, ActorRow
from annotator.store.models.annotation import AnnotationRow, LinkRow
from annotator.store.models.annotator import AnnotatorRow
from annotator.store.models.assignment import AssignmentRow
from annotator.store.models.base import Base
from annotator.store.models.document import DocumentRow
from annotator.store.models.edit import ChangeRow, EditRow
from annotator.store.models.exchange import ExchangeIdRow
from annotator.store.models.rejection import RejectionRow
from annotator.store.models.scheme import AttributeDefRow, LabelRow, LayerRow
from annotator.store.models.setting import SettingRow

__all__ = [
    "ActorAliasRow",
    "ActorRow",
    "AnnotationRow",
    "AnnotatorRow",
    "AssignmentRow",
    "AttributeDefRow",
    "Base",
    "ChangeRow",
    "DocumentRow",
    "EditRow",
    "ExchangeIdRow",
    "LabelRow",
    "LayerRow",
    "LinkRow",
    "RejectionRow",
    "SettingRow",
]
