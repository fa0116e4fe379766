"""Saving, reverting, backups, recovery, the lock, and failures that lose nothing."""

import errno
import os
import tempfile

import pytest

from dongchuan_gui.model import dumps, load_path
from dongchuan_gui.model.editing import with_field
from dongchuan_gui.ui.commands import EditRecord
from dongchuan_gui.ui.document import (
    Document,
    FileLockedError,
    SaveError,
    find_recoveries,
)


def edit(doc, value=1):
    obs = doc.dataset.get("observations", "census-2010")
    doc.push(
        EditRecord(
            doc.dataset, "observations", with_field(obs, "value", value), "Change value", "value"
        )
    )


@pytest.fixture
def doc(qtbot, data_file):
    document, warnings = Document.open(data_file)
    yield document
    document.close()


def test_save_writes_keeps_backup_and_marks_clean(doc, data_file):
    original = data_file.read_bytes()
    edit(doc)
    assert not doc.is_clean
    doc.save()
    assert doc.is_clean
    assert (
        load_path(data_file)
        .data.observations[[o.id for o in doc.dataset.data.observations].index("census-2010")]
        .value
        == 1
    )
    assert (data_file.parent / "dongchuan.json.bak").read_bytes() == original
    assert sorted(os.listdir(data_file.parent)) == [
        "dongchuan.json",
        "dongchuan.json.bak",
        "dongchuan.json.lock",
    ]


def test_save_as_moves_the_document_and_its_lock(doc, data_file, tmp_path):
    edit(doc)
    target = tmp_path / "other" / "copy.json"
    target.parent.mkdir()
    doc.save(target)
    assert doc.path == target and (target.parent / "copy.json.lock").exists()
    assert not (data_file.parent / "dongchuan.json.lock").exists()


def test_revert_drops_unsaved_changes(doc, data_file):
    edit(doc)
    doc.revert()
    assert dumps(doc.dataset.data) == data_file.read_bytes()
    assert doc.is_clean and doc.undo_stack.count() == 0


def test_full_disk_leaves_file_and_document_intact(doc, data_file, monkeypatch):
    before = data_file.read_bytes()
    edit(doc, 7)

    def no_space(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(SaveError, match="No space left on device"):
        doc.save()
    monkeypatch.undo()
    assert data_file.read_bytes() == before
    assert not doc.is_clean
    assert doc.dataset.get("observations", "census-2010").value == 7
    assert not [n for n in os.listdir(data_file.parent) if n.endswith(".tmp")]


def test_unwritable_folder_gives_a_clear_error(doc, data_file, monkeypatch):
    before = data_file.read_bytes()
    edit(doc)

    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    with pytest.raises(SaveError, match="Permission denied.*unchanged"):
        doc.save()
    assert data_file.read_bytes() == before


def test_vanished_folder_gives_a_clear_error(qtbot, tmp_path):
    doc = Document()
    with pytest.raises(SaveError, match="Could not save"):
        doc.save(tmp_path / "gone" / "x.json")


def test_second_instance_is_told_who_holds_the_lock(doc, data_file):
    with pytest.raises(FileLockedError) as info:
        Document.open(data_file)
    assert info.value.pid == os.getpid()
    # the app by its name, never the interpreter's ("python3.13"); the file named once
    message = str(info.value)
    assert message.startswith("dongchuan.json is open in Dongchuan Workbench, process ")
    assert "python" not in message.lower() and str(data_file.parent) not in message
    reader, _ = Document.open(data_file, read_only=True)
    assert reader.read_only
    edit(reader)
    with pytest.raises(SaveError, match="read-only"):
        reader.save()


def test_lock_is_released_on_close(doc, data_file):
    doc.close()
    again, _ = Document.open(data_file)
    again.close()


def test_recovery_after_a_crash(qtbot, doc, data_file, app_data):
    edit(doc, 42)
    written = doc.write_recovery()
    assert written is not None and written.parent == app_data / "recovery"
    # a crash: the document is never closed; the next start finds the recovery file
    doc._release_lock()
    (found,) = find_recoveries()
    assert found.original == data_file
    restored = Document.from_recovery(found)
    assert restored.dataset.get("observations", "census-2010").value == 42
    assert not restored.is_clean  # restored changes are unsaved
    assert restored.path == data_file
    restored.save()
    assert find_recoveries() == []
    restored.close()


def test_clean_document_writes_no_recovery(doc):
    assert doc.write_recovery() is None


def test_autosave_timer_starts_on_change(doc):
    assert not doc._autosave.isActive()
    edit(doc)
    assert doc._autosave.isActive()


def test_a_read_only_file_is_refused_on_save_and_keeps_its_bytes(doc, data_file):
    before = data_file.read_bytes()
    os.chmod(data_file, 0o444)
    edit(doc)
    with pytest.raises(SaveError, match="read-only"):
        doc.save()
    assert data_file.read_bytes() == before
    assert not data_file.with_name(data_file.name + ".bak").exists()


def test_recovery_is_written_seconds_after_the_last_edit(qtbot, doc, app_data):
    from dongchuan_gui.ui.document import RECOVERY_DELAY_MS, find_recoveries

    assert RECOVERY_DELAY_MS <= 5_000
    edit(doc)
    qtbot.waitUntil(lambda: len(find_recoveries()) == 1, timeout=RECOVERY_DELAY_MS + 3_000)
    doc.undo_stack.undo()  # back to the file: nothing left to recover
    qtbot.waitUntil(lambda: not find_recoveries(), timeout=RECOVERY_DELAY_MS + 3_000)
