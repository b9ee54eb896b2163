"""What is on screen is in the database: a killed program loses nothing it showed."""

import subprocess
import sys
import textwrap

from annotator.domain.actors import ActorDraft, ActorKind
from annotator.domain.documents import DocumentDraft
from annotator.gui.colors import actor_color
from annotator.gui.dialogs.actor_picker import PickedActor
from annotator.store.project import Project

SCRIPT = textwrap.dedent(
    """
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from annotator.gui.main_window import MainWindow
    from annotator.gui.workspace import Workspace
    from annotator.store.project import Project
    window = MainWindow(Workspace(Project.open(sys.argv[1])),
                        QSettings(sys.argv[2], QSettings.Format.IniFormat))
    from annotator.gui.dialogs.actor_picker import NO_ACTOR
    window.annotating.pick_actor = lambda *args: NO_ACTOR
    window.show()
    window.view.select_text(0, 5)
    window.annotating.tag("quote")
    app.processEvents()
    assert window.view.span_count() == 1  # on screen now
    os._exit(9)  # killed: no close, no cleanup
    """
)


def test_a_span_shown_survives_the_program_being_killed(tmp_path):
    db = tmp_path / "p.sqlite"
    with Project.open(db) as project:
        project.documents.add_many([DocumentDraft(text="Hello there, world.", title="t")])
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(db), str(tmp_path / "s.ini")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 9, done.stderr
    with Project.open(db) as project:
        [quote] = project.annotations.for_document(1)
        assert (quote.layer, quote.text) == ("quote", "Hello")


def test_merging_actors_in_the_registry_relinks_the_spans_on_screen_and_undoes(
    qtbot, make_window, project, article
):
    window = make_window(project)
    okafor = window.workspace.create_actor(ActorDraft("Okafor", ActorKind.PERSON))
    mayor = window.workspace.create_actor(ActorDraft("The mayor", ActorKind.PERSON))
    start = article.index("Okafor")
    window.view.select_text(start, start + 6)
    window.annotating.pick_actor = lambda *args: PickedActor(mayor.id)
    mention = window.annotating.tag("actor")
    assert window.actors.model.rowCount() == 2
    window.workspace.merge_actors(okafor.id, mayor.id)
    assert window.actors.model.rowCount() == 1
    assert window.workspace.annotations[mention.id].actor_id == okafor.id
    assert window.view.span(mention.id).color == actor_color(okafor.id)  # repainted
    assert project.actors.get(okafor.id).aliases == ("The mayor",)
    window.workspace.undo_stack.undo()
    assert window.actors.model.rowCount() == 2
    assert window.workspace.annotations[mention.id].actor_id == mayor.id
