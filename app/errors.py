"""Errors a person can act on: every message is Chinese text meant for the user."""


class ComplaintDeskError(Exception):
    """Base of every error the UI shows in a dialog and the CLI prints."""


class DatabaseError(ComplaintDeskError):
    """The database cannot be opened or used as asked."""


class DatabaseTooNew(DatabaseError):
    """The file was written by a newer ComplaintDesk; opening it could damage it."""


class FieldError(ComplaintDeskError):
    """One field's value is not acceptable; shown next to that field."""


class ValidationFailed(ComplaintDeskError):
    """A whole form was refused; `errors` maps field name to message."""

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        first = "；".join(f"{msg}" for msg in self.errors.values())
        super().__init__(f"有 {len(self.errors)} 处需要更正：{first}")


class StaleEdit(ComplaintDeskError):
    """Someone saved the same record since it was loaded; nothing was overwritten."""


class NotFound(ComplaintDeskError):
    """The record asked for does not exist."""


class Cancelled(ComplaintDeskError):
    """The user cancelled long work; nothing of it was kept."""
