"""Analysis → Network: the network drawn and tabled; a tie or a node lists its statements;
Enter opens one; Export writes the file the command line writes."""

import networkx as nx
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from tests.network_claims import add_claims


def _open(qtbot, window):
    window.actions_by_name["network"].trigger()
    network = window.analysis.network
    qtbot.waitUntil(lambda: network.report is not None and not network.job.running, timeout=10_000)
    return network


def _choose(qtbot, network, alt_key):
    """Alt+key to a field of the choice, then ↓ to its next item, as a user does."""
    qtbot.waitUntil(network.isActiveWindow)
    qtbot.keyClick(network, alt_key, Qt.KeyboardModifier.AltModifier)
    with qtbot.waitSignal(network.built, timeout=10_000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)


def _rebuilt(qtbot, network, change):
    with qtbot.waitSignal(network.built, timeout=10_000):
        change()


def test_a_tie_lists_its_statements_and_enter_opens_one(qtbot, make_window, project):
    add_claims(project)
    window = make_window(project)
    network = _open(qtbot, window)
    assert network.choice.qualifier.currentData() == "stance"  # chosen when there is one
    _choose(qtbot, network, Qt.Key.Key_A)  # Alt+A: aggregation ignore → congruence
    assert network.choice.aggregation.currentData() == "congruence"
    ties = {(network.ties.item(r, 0).text(), network.ties.item(r, 1).text())
            for r in range(network.ties.rowCount())}  # fmt: skip
    assert ties == {("Okafor", "Union"), ("Okafor", "Reyes")}
    assert network.canvas is not None and "2 ties from 5 statements" in network.hint.text()
    qtbot.keyClick(network, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # Alt+S: the ties
    assert QApplication.focusWidget() is network.ties
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)
    row = network.ties.currentRow()
    chosen = {network.ties.item(row, 0).text(), network.ties.item(row, 1).text()}
    assert network.spans.count() == 2 and all(
        item.text().split(" on ")[0] in chosen
        for item in (network.spans.item(i) for i in range(2))
    )  # fmt: skip
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # from the ties to the list
    assert QApplication.focusWidget() is network.spans
    place = network.spans.currentItem().data(Qt.ItemDataRole.UserRole)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert window.workspace.document.id == place[0]
    chosen = window.annotating.selected()  # the span itself, ready to edit in the Span panel
    assert (chosen.id, chosen.start, chosen.end) == (place[3], place[1], place[2])


def test_a_click_on_a_node_lists_its_statements(qtbot, make_window, project):
    add_claims(project)
    window = make_window(project)
    network = _open(qtbot, window)
    network.resize(1000, 760)
    qtbot.waitUntil(lambda: network.canvas.isVisible())
    key = next(k for k, name in network.drawing.labels.items() if name == "Reyes")
    figure = network.canvas.figure
    network.canvas.draw()
    x, y = figure.axes[0].transData.transform(network.drawing.positions[key])
    ratio = network.canvas.devicePixelRatioF()
    point = QPoint(round(x / ratio), round(network.canvas.height() - y / ratio))
    qtbot.mouseClick(network.canvas, Qt.MouseButton.LeftButton, pos=point)
    assert network.hint.text().startswith("Reyes: 2 statements")
    assert QApplication.focusWidget() is network.spans


def test_choices_rebuild_it_and_export_writes_graphml(qtbot, make_window, project, tmp_path):
    add_claims(project)
    window = make_window(project)
    network = _open(qtbot, window)
    _choose(qtbot, network, Qt.Key.Key_N)  # Alt+N: the network's type → two-mode
    assert network.choice.type.currentData() == "twomode"
    assert network.choice.aggregation.findData("combine") >= 0  # two-mode aggregations offered
    assert network.ties.rowCount() == 5  # three actors on barrier, two on rents
    out = tmp_path / "net.graphml"
    job = network.export_to(out)
    qtbot.waitUntil(lambda: not job.running, timeout=10_000)
    qtbot.waitUntil(lambda: "Written to" in network.hint.text())
    graph = nx.read_graphml(out)
    assert graph.number_of_edges() == 5 and {d["mode"] for _n, d in graph.nodes(data=True)} == {
        1, 2}  # fmt: skip
    network.choice.since.setFocus()
    qtbot.keyClicks(QApplication.focusWidget(), "2024-01-10")
    _rebuilt(qtbot, network, lambda: qtbot.keyClick(network.choice.since, Qt.Key.Key_Return))
    assert network.ties.rowCount() == 2  # only the second article's rents claims
    network.choice.until.setText("soon")
    network.refresh()
    assert "YYYY-MM-DD" in network.hint.text()


def test_nothing_to_draw_is_said(qtbot, make_window, project):
    window = make_window(project)
    network = _open(qtbot, window)
    assert network.canvas is None and network.hint.text().startswith("No ties among 0 statements")


def test_time_windows_are_stepped_through_with_the_slider(qtbot, make_window, project):
    add_claims(project)  # the first article on 2024-01-02, the second on 2024-01-20
    window = make_window(project)
    network = _open(qtbot, window)
    assert not network.periods.isVisible()
    _choose(qtbot, network, Qt.Key.Key_W)  # Alt+W: time windows → 7 days, moved by a day
    assert network.choice.windows.currentData() == "7d/1d"
    assert network.periods.isVisible() and network.period.maximum() == 18  # 19 windows
    assert network.period_label.text() == "1 of 19: 2024-01-02 – 2024-01-09"
    assert network.ties.rowCount() == 3  # the three actors on the barrier
    network.period.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_End)
    assert network.period_label.text() == "19 of 19: 2024-01-20 – 2024-01-27"
    assert network.ties.rowCount() == 1  # Okafor and Reyes on the fee (Union gave no topic)
    network.ties.selectRow(0)
    assert network.spans.count() == 2  # the statements of that window only
    qtbot.keyClick(network.period, Qt.Key.Key_Left)
    assert network.period_label.text().startswith("18 of 19")
