"""The Framework view: areas, competencies, level descriptors and sources; the target profile.

Also home of the competency details panel (:class:`CompetencyDetails`) that the Skills
view shows too, since what it shows is framework content.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from planner.errors import ConcurrentEditError, PlannerError, ValidationError
from planner.framework.schema import Framework, Profile
from planner.gui.conflicts import ask_to_reload
from planner.gui.operations import ALL_KINDS, DataChange, DataKind
from planner.gui.skills_tree_model import ID_ROLE, FrameworkTreeModel
from planner.gui.views.base import View, ViewContext
from planner.gui.views.competency_panel import (
    MARGIN,
    AreaTreeView,
    CompetencyDetails,
    details_scroll_area,
    plain_label,
    view_title,
)
from planner.services.records import PersonDraft, PersonRecord


class FrameworkView(View):
    """The person's framework: browse competencies, choose the target profile, import a ladder.

    Public parts (for keyboard use and tests): ``profile_box``, ``import_button``,
    ``tree``, ``model``, ``details``, ``splitter``.
    """

    name = "framework_view"
    title = "Framework"

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._framework: Framework | None = None
        self._levels: dict[str, int] = {}
        self._build()

    # Layout -----------------------------------------------------------------

    def _build(self) -> None:
        self.import_button = QPushButton("&Import framework…")
        self.import_button.setToolTip("Add a company ladder from a framework file (JSON)")
        self.import_button.clicked.connect(self._on_import_clicked)
        heading = QHBoxLayout()
        heading.addWidget(view_title(self.title))
        heading.addStretch(1)
        heading.addWidget(self.import_button)

        self.framework_label = plain_label(wrap=False)
        self.framework_label.setObjectName("frameworkName")
        self.note_label = plain_label(muted=True)
        self.note_label.hide()
        self.profile_box = QComboBox()
        self.profile_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.profile_box.activated.connect(self._on_profile_chosen)
        self.profile_box.currentIndexChanged.connect(self._on_profile_shown)
        self.profile_description = plain_label(muted=True)
        profile_label = QLabel("&Target profile:")
        profile_label.setBuddy(self.profile_box)
        profile_row = QHBoxLayout()
        profile_row.addWidget(profile_label)
        profile_row.addWidget(self.profile_box)
        profile_row.addStretch(1)

        self.model = FrameworkTreeModel(self)
        self.tree = AreaTreeView(first_column_minimum=240)
        self.tree.setModel(self.model)
        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)
        self.details = CompetencyDetails()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(details_scroll_area(self.details))
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([420, 480])
        self.tree.setMinimumWidth(300)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN - 4, MARGIN, MARGIN)
        layout.setSpacing(8)
        layout.addLayout(heading)
        layout.addWidget(self.framework_label)
        layout.addWidget(self.note_label)
        layout.addLayout(profile_row)
        layout.addWidget(self.profile_description)
        layout.addWidget(self.splitter, 1)

    # Data -------------------------------------------------------------------

    def wants(self, change: DataChange) -> bool:
        """Frameworks, the person's target and their levels."""
        return change.touches(DataKind.FRAMEWORKS, DataKind.PEOPLE, DataKind.ASSESSMENTS)

    def reload(self) -> None:
        """Show the current person's framework (the built-in one when nobody is set up)."""
        services = self.context.services
        person = self._person()
        if person is None:
            framework = services.frameworks.get(services.frameworks.available()[0].id)
            profile_id = framework.default_profile
            self._levels = {}
        else:
            framework = services.people.framework_of(person)
            profile_id = person.target_profile_id
            latest = services.assessments.latest(person.id)
            self._levels = latest.levels if latest else {}
        self._framework = framework
        info = next((f for f in services.frameworks.available() if f.id == framework.id), None)
        origin = " (built in)" if info is None or info.built_in else " (imported)"
        self.framework_label.setText(f"{framework.name} · version {framework.version}{origin}")
        self.framework_label.setToolTip(framework.description)
        self.profile_box.blockSignals(True)
        self.profile_box.clear()
        for profile in framework.profiles:
            suffix = " (pathway)" if profile.kind == "pathway" else ""
            self.profile_box.addItem(f"{profile.name}{suffix}", profile.id)
        self.profile_box.setCurrentIndex(self.profile_box.findData(profile_id))
        self.profile_box.blockSignals(False)
        self.profile_box.setEnabled(person is not None)
        self._on_profile_shown(self.profile_box.currentIndex())

    def _show_tree(self, framework: Framework, profile: Profile) -> None:
        current = self.tree.currentIndex()
        selected = str(current.data(ID_ROLE)) if current.isValid() else ""
        self.model.set_framework(framework, profile)
        index = self.model.index_of(selected) if selected else QModelIndex()
        if not index.isValid():
            first_area = self.model.index(0, 0)
            index = self.model.index(0, 0, first_area)
        self.tree.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self._show_details(index)

    def _person(self) -> PersonRecord | None:
        person_id = self.context.person.id
        return None if person_id is None else self.context.services.people.get(person_id)

    def _profile(self) -> Profile | None:
        if self._framework is None or self.profile_box.currentIndex() < 0:
            return None
        return self._framework.profile(str(self.profile_box.currentData()))

    def _show_details(self, index: QModelIndex | QPersistentModelIndex) -> None:
        framework, profile = self._framework, self._profile()
        if framework is None or profile is None or not index.isValid():
            return
        competency = self.model.competency_at(index)
        if competency is None:
            area = framework.areas[index.row()]
            count = len(area.competencies)
            self.details.show_area(area, f"{count} competenc{'y' if count == 1 else 'ies'}")
            return
        self.details.show_competency(
            framework, competency, self._levels.get(competency.id), profile.targets[competency.id]
        )

    # Behaviour --------------------------------------------------------------

    def import_framework_file(self, path: Path) -> bool:
        """Import a framework file; a bad one is explained in a message box and changes nothing."""
        try:
            info = self.context.services.frameworks.import_file(path)
        except PlannerError as error:
            QMessageBox.warning(
                self, "Import framework", f"The framework was not imported.\n\n{error}"
            )
            return False
        self.context.operations.announce(frozenset({DataKind.FRAMEWORKS}), None)
        self.note_label.setText(f"Imported “{info.name}” version {info.version} from {path.name}.")
        self.note_label.show()
        return True

    def _on_import_clicked(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, "Import framework", "", "Framework files (*.json);;All files (*)"
        )
        if path:
            self.import_framework_file(Path(path))

    def _on_profile_shown(self, _index: int) -> None:
        profile = self._profile()
        self.profile_description.setText(profile.description if profile else "")
        if profile is not None and self._framework is not None:
            self._show_tree(self._framework, profile)

    def _on_profile_chosen(self, _index: int) -> None:
        person, profile = self._person(), self._profile()
        if person is None or profile is None or profile.id == person.target_profile_id:
            return
        draft = PersonDraft(
            person.name,
            person.current_role,
            person.framework_id,
            profile.id,
            person.target_date,
            person.weekly_hours,
        )
        try:
            self.context.operations.update_person(person, draft)
        except ValidationError as error:
            QMessageBox.warning(self, "Target profile", "\n".join(error.field_errors.values()))
            self.reload()
        except ConcurrentEditError as error:  # the person was changed in another window
            if ask_to_reload(self, error, keep="&Cancel"):
                self.context.operations.announce(ALL_KINDS)
            self.reload()

    def _on_current_changed(
        self, current: QModelIndex | QPersistentModelIndex, _previous: object
    ) -> None:
        self._show_details(current)
