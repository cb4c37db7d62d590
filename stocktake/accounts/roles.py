"""The roles every installation starts with. Administrators can add others."""

from .models import Capability as C

DEFAULT_ROLES: dict[str, tuple[str, list[str]]] = {
    "Viewer": ("Reads published plans.", []),
    "Councillor": (
        "Reads signed-off plans; drafts too where the council allows it.",
        [C.READ_SIGNED_OFF],
    ),
    "Lead officer": (
        "Reads plans and updates the items they own.",
        [C.READ_DRAFTS, C.UPDATE_OWN],
    ),
    "Performance officer": (
        "Runs the system: edits every item in scope, approves and publishes.",
        [C.READ_DRAFTS, C.UPDATE_OWN, C.EDIT_ALL, C.APPROVE, C.PUBLISH],
    ),
    "Administrator": ("Everything, including people and memberships.", list(C.values)),
}
