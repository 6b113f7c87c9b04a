"""Which frameworks exist (built-in and imported) and importing a company ladder."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.errors import FileFormatError, NotFoundError
from planner.framework.loader import builtin_framework, parse_framework, read_json_file
from planner.framework.schema import Framework
from planner.services.backups import backup_before_import
from planner.services.clock import Clock
from planner.storage.database import Database
from planner.storage.models import CustomFramework, Person


@dataclass(frozen=True)
class FrameworkInfo:
    """A framework as listed to a person choosing one."""

    id: str
    name: str
    version: str
    built_in: bool


class FrameworkService:
    """Looks up frameworks by id; imported ones are stored in the database they rate."""

    def __init__(self, database: Database, clock: Clock) -> None:
        self._db = database
        self._clock = clock
        self._cache: dict[str, Framework] = {}

    def available(self) -> list[FrameworkInfo]:
        """The built-in framework first, then imported ones by name."""
        builtin = builtin_framework()
        infos = [FrameworkInfo(builtin.id, builtin.name, builtin.version, True)]
        with self._db.session() as session:
            rows = session.scalars(select(CustomFramework).order_by(CustomFramework.name))
            infos += [FrameworkInfo(r.id, r.name, r.version, False) for r in rows]
        return infos

    def get(self, framework_id: str) -> Framework:
        """The framework with this id; :class:`NotFoundError` if there is none."""
        builtin = builtin_framework()
        if framework_id == builtin.id:
            return builtin
        if framework_id in self._cache:
            return self._cache[framework_id]
        with self._db.session() as session:
            row = session.get(CustomFramework, framework_id)
            if row is None:
                raise NotFoundError(f"No framework with id '{framework_id}' in this database.")
            framework = parse_framework(json.loads(row.content), f"imported framework {row.id}")
        self._cache[framework_id] = framework
        return framework

    def import_file(self, path: Path) -> FrameworkInfo:
        """Validate a framework file and store it; a bad file changes nothing."""
        data = read_json_file(path)
        framework = parse_framework(data, path)
        if framework.id == builtin_framework().id:
            raise FileFormatError(
                path, "$.id", f"'{framework.id}' is the built-in framework's id; choose another"
            )
        backup_before_import(self._db, self._clock)
        with self._db.session() as session:
            self._check_replacement_keeps_records(session, framework, path)
            row = session.get(CustomFramework, framework.id)
            if row is None:
                row = CustomFramework(id=framework.id)
                session.add(row)
            row.name = framework.name
            row.version = framework.version
            row.content = json.dumps(data, ensure_ascii=False)
            row.imported_at = self._clock.now()
        self._cache.pop(framework.id, None)
        return FrameworkInfo(framework.id, framework.name, framework.version, False)

    def _check_replacement_keeps_records(
        self, session: Session, framework: Framework, path: Path
    ) -> None:
        profiles = {p.id for p in framework.profiles}
        people = session.scalars(select(Person).where(Person.framework_id == framework.id))
        for person in people:
            if person.target_profile_id not in profiles:
                raise FileFormatError(
                    path,
                    "$.profiles",
                    f"{person.name} targets profile '{person.target_profile_id}',"
                    " which this version of the framework no longer has",
                )
