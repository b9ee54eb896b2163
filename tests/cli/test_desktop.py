"""``annotator desktop --install``: a menu entry and icons for the current user, and back."""

import configparser

import pytest

from annotator.cli.main import main


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    return tmp_path / "share"


def test_install_writes_the_entry_icons_and_metainfo_and_uninstall_removes_them(home, capsys):
    assert main(["desktop", "--install"]) == 0
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(home / "applications" / "annotator.desktop")
    section = entry["Desktop Entry"]
    assert section["Name"] == "Annotator" and section["Icon"] == "annotator"
    assert section["Exec"].endswith(" %F") and "annotator" in section["Exec"]
    for size in (48, 128, 256):
        assert (
            (home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "annotator.png")
            .stat()
            .st_size
        )
    svg = home / "icons" / "hicolor" / "scalable" / "apps" / "annotator.svg"
    assert svg.read_text().startswith("<svg")
    assert (
        '<component type="desktop-application">'
        in (home / "metainfo" / "annotator.metainfo.xml").read_text()
    )
    assert main(["desktop", "--uninstall"]) == 0
    assert not any(p.is_file() for p in home.rglob("*"))
