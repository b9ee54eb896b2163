"""What the analysis windows ask of the project: statements, actor pages, charts, networks and
the choices of their filters. Each is a call into ``jobs/`` (no session is opened here), kept
apart from the Workspace's editing of the open article."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from annotator.charts.table import ChartTable
from annotator.domain.scheme import Scheme
from annotator.jobs.actor_profile import ActorProfile, actor_profile
from annotator.jobs.charts import chart_table
from annotator.jobs.network import NetworkOptions, NetworkReport
from annotator.jobs.network import build as build_network
from annotator.jobs.network import write as write_network
from annotator.jobs.progress import Progress
from annotator.jobs.span_places import SpanPlace, span_places
from annotator.jobs.statements import (
    StatementFilter,
    StatementRow,
    statement_rows,
    write_statements_csv,
)
from annotator.store.project import Project


class AnalysisQueries:
    def __init__(self, project: Project, scheme: Callable[[], Scheme]) -> None:
        self.project = project
        self._scheme = scheme  # the Workspace's scheme as it is now (it changes with edits)

    def statements(self) -> list[StatementRow]:
        """Every quote and claim of the project (the statement browser's rows)."""
        return statement_rows(self.project)

    def save_statements(self, rows: list[StatementRow], out: Path) -> int:
        """The rows as the browser shows them, written as CSV (how many)."""
        return write_statements_csv(rows, out)

    def span_places(self, ids: list[int]) -> list[SpanPlace]:
        """Where the spans ``ids`` are (a chart's mentions, listed to be opened)."""
        return span_places(self.project, ids)

    def annotators(self) -> list[str]:
        """The people with spans in the project (the Charts window's filter)."""
        return sorted(self.project.stats().annotations_by_annotator)

    def statement_layers(self) -> list[str]:
        """The layers whose spans are statements (they name a speaker or a claimant)."""
        return [layer.name for layer in self._scheme().layers if layer.statement_actor]

    def actor_profile(self, actor_id: int) -> ActorProfile:
        """An actor's mentions, quotes and claims across the articles (the actor page)."""
        return actor_profile(self.project, actor_id)

    def chart(
        self, kind: str, period: str = "month", chosen: StatementFilter | None = None
    ) -> ChartTable:
        """The table behind one chart (Analysis → Charts)."""
        return chart_table(self.project, kind, chosen, period=period)

    def network(self, options: NetworkOptions, progress: Progress | None = None) -> NetworkReport:
        """A discourse network and the statements behind it (Analysis → Network; run off the
        GUI thread)."""
        return build_network(self.project, options, progress)

    def write_network(self, report: NetworkReport, out: Path) -> list[Path]:
        """The network's file: GraphML, CSV, DL or a picture, by the extension."""
        return write_network(report, out)

    def sources(self) -> list[str]:
        """The sources articles come from (the Charts window's filter)."""
        return sorted({d.source for d in self.project.documents.list() if d.source})
