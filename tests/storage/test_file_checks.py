"""Files that cannot be used are refused in words before anything could change them."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from planner.errors import DatabaseError, UnusableDatabaseError
from planner.services.records import PersonDraft
from planner.services.service_set import Services
from planner.storage.database import Database
from planner.storage.file_checks import check_database_file
from planner.storage.migrate import upgrade_database

pytestmark = pytest.mark.sqlite_only  # about the SQLite file itself

REPO = Path(__file__).resolve().parents[2]


def snapshot(path: Path) -> tuple[bytes, int, list[str]]:
    """The file's bytes and modification time, and the names in its folder."""
    return path.read_bytes(), path.stat().st_mtime_ns, sorted(os.listdir(path.parent))


def planner_database(path: Path, *names: str) -> Path:
    services = Services.open(f"sqlite:///{path}")
    for name in names:
        services.people.create(PersonDraft(name))
    services.close()
    return path


def damage_table(path: Path, table: str) -> None:
    """Break the root page of one table: the schema still reads, the table does not."""
    conn = sqlite3.connect(path)
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    (page_size,) = conn.execute("PRAGMA page_size").fetchone()
    conn.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    data[start : start + 8] = b"\xa5" * 8
    path.write_bytes(bytes(data))


def refused(path: Path) -> UnusableDatabaseError:
    with pytest.raises(UnusableDatabaseError) as error:
        Services.open(f"sqlite:///{path}")
    return error.value


def test_an_empty_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "planner.sqlite"
    path.write_bytes(b"")
    before = snapshot(path)
    error = refused(path)
    assert "is empty (0 bytes)" in str(error) and error.restorable
    assert snapshot(path) == before


def test_a_text_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "planner.sqlite"
    path.write_text('{"format": "learning-path-planner-export"}\n' * 10)
    before = snapshot(path)
    error = refused(path)
    assert "is not a readable database file" in str(error)
    assert snapshot(path) == before


def test_a_damaged_header_is_refused_untouched(tmp_path: Path) -> None:
    path = planner_database(tmp_path / "planner.sqlite", "Kim")
    data = bytearray(path.read_bytes())
    data[16:100] = b"\xff" * 84  # page size, format numbers: all nonsense
    path.write_bytes(bytes(data))
    before = snapshot(path)
    error = refused(path)
    assert "not a readable database file" in str(error) and error.restorable
    assert snapshot(path) == before


def test_a_damaged_schema_page_is_refused_untouched(tmp_path: Path) -> None:
    path = planner_database(tmp_path / "planner.sqlite", "Kim")
    data = bytearray(path.read_bytes())
    data[100:108] = b"\xa5" * 8  # the b-tree header of sqlite_master
    path.write_bytes(bytes(data))
    before = path.read_bytes(), path.stat().st_mtime_ns
    error = refused(path)
    assert "damaged" in str(error) and error.restorable
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_damage_inside_a_table_is_found_when_it_is_read(tmp_path: Path) -> None:
    path = planner_database(tmp_path / "planner.sqlite", *(f"Person {n}" for n in range(300)))
    damage_table(path, "people")
    services = Services.open(f"sqlite:///{path}")  # the schema still reads
    try:
        with pytest.raises(UnusableDatabaseError, match="is damaged") as error:
            services.people.list()
        assert error.value.restorable
    finally:
        services.close()


def test_a_database_of_another_program_is_refused_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('mine')")
    conn.commit()
    conn.close()
    before = snapshot(path)
    error = refused(path)
    assert "another program" in str(error)
    assert snapshot(path) == before  # not even switched to WAL mode


def test_a_newer_database_is_refused_untouched(tmp_path: Path) -> None:
    path = planner_database(tmp_path / "future.sqlite")
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="newer version of Learning Path Planner"):
        Services.open(f"sqlite:///{path}")
    assert path.read_bytes() == before


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    error = refused(tmp_path / "gone" / "planner.sqlite")
    assert f"the folder {tmp_path / 'gone'} does not exist" in str(error)
    assert not error.restorable
    assert not (tmp_path / "gone").exists()


def test_a_folder_given_as_the_file_is_named(tmp_path: Path) -> None:
    error = refused(tmp_path)
    assert "is a folder" in str(error)


@pytest.fixture
def read_only_folder() -> Iterator[Path]:
    """A folder the test's user (or, when the tests run as root, user nobody) cannot write."""
    folder = Path(tempfile.mkdtemp(prefix="planner-ro-"))
    planner_database(folder / "planner.sqlite", "Kim")
    folder.chmod(0o755 if os.geteuid() == 0 else 0o555)
    (folder / "planner.sqlite").chmod(0o644)
    try:
        yield folder
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)


def check_as_user(path: Path, read_only: bool = False) -> str:
    """Run the check as a user without write access; root may write anywhere, so drop it."""
    code = (
        "import sys; from pathlib import Path\n"
        "from planner.errors import UnusableDatabaseError\n"
        "from planner.storage.file_checks import check_database_file\n"
        "try:\n"
        f"    check_database_file(Path(sys.argv[1]), read_only={read_only})\n"
        "    print('ok')\n"
        "except UnusableDatabaseError as e:\n"
        "    print(e)\n"
    )
    prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    command = [*(prefix if os.geteuid() == 0 else []), sys.executable, "-c", code, str(path)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=REPO, check=True)
    return result.stdout.strip()


def test_a_read_only_folder_is_named_and_nothing_is_created(read_only_folder: Path) -> None:
    before = snapshot(read_only_folder / "planner.sqlite")
    new_file = check_as_user(read_only_folder / "new.sqlite")
    existing = check_as_user(read_only_folder / "planner.sqlite")
    looking = check_as_user(read_only_folder / "planner.sqlite", read_only=True)
    assert "is read-only; choose a folder you can write to" in new_file
    assert "is read-only (the file or its folder cannot be written to)" in existing
    assert looking == "ok"  # it can still be opened read-only
    assert snapshot(read_only_folder / "planner.sqlite") == before


def test_a_missing_file_may_be_created_but_not_opened_read_only(tmp_path: Path) -> None:
    assert check_database_file(tmp_path / "new.sqlite") is False
    with pytest.raises(UnusableDatabaseError, match="cannot be opened read-only"):
        check_database_file(tmp_path / "new.sqlite", read_only=True)


def test_new_files_and_their_side_files_are_private(tmp_path: Path) -> None:
    services = Services.open(f"sqlite:///{tmp_path / 'planner.sqlite'}")
    services.people.create(PersonDraft("Kim"))
    modes = {
        p.name: p.stat().st_mode & 0o777 for p in tmp_path.iterdir() if p.name.startswith("plan")
    }
    services.close()
    assert modes == {
        "planner.sqlite": 0o600,
        "planner.sqlite-wal": 0o600,
        "planner.sqlite-shm": 0o600,
    }


def test_an_older_file_is_made_private_when_opened(tmp_path: Path) -> None:
    path = planner_database(tmp_path / "planner.sqlite")
    path.chmod(0o644)
    Services.open(f"sqlite:///{path}").close()
    assert path.stat().st_mode & 0o777 == 0o600


def test_read_only_opening_reads_and_refuses_writes_in_words(tmp_path: Path) -> None:
    path = planner_database(tmp_path / "planner.sqlite", "Kim")
    writer = Services.open(f"sqlite:///{path}")
    reader = Services.open(f"sqlite:///{path}", read_only=True)
    try:
        writer.people.create(PersonDraft("Lee"))
        assert [p.name for p in reader.people.list()] == ["Kim", "Lee"]
        with pytest.raises(DatabaseError, match=r"open read-only .* the change was not saved"):
            reader.people.create(PersonDraft("Sam"))
        assert reader.backups.on_start() is None  # a reader never copies
    finally:
        reader.close()
        writer.close()
    assert [p.name for p in Services.open(f"sqlite:///{path}").people.list()] == ["Kim", "Lee"]


def test_read_only_never_upgrades(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    database = Database(f"sqlite:///{path}")
    upgrade_database(database, target="0001")
    database.dispose()
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match=r"must be upgraded .* read-only"):
        Services.open(f"sqlite:///{path}", read_only=True)
    assert path.read_bytes() == before


def test_read_only_connections_are_query_only(tmp_path: Path) -> None:
    path = planner_database(tmp_path / "planner.sqlite")
    database = Database(f"sqlite:///{path}", read_only=True)
    with database.engine.connect() as conn:
        assert conn.execute(text("PRAGMA query_only")).scalar() == 1
    database.dispose()
