"""Errors a person can act on: every message is Chinese text meant for the user.

A message written as a template with named values (`FieldError("应为 18 位，现为 {n} 位", n=17)`)
reads as Chinese everywhere a string is expected, and also keeps its template and values,
so a window in another language can translate the template and fill in the same values.
"""


class Message(str):
    """Chinese text for a person, remembering the template and values it was made from.

    A list value is a list of labels, written 甲、乙; a tuple value is alternatives, written 甲或乙
    (another language joins the translated labels its own way).
    """

    template: str
    values: dict

    def __new__(cls, template: str, **values):
        template = str(template)
        text = super().__new__(
            cls, template.format(**{k: _written(v) for k, v in values.items()}) if values else template
        )
        text.template, text.values = template, values
        return text


def _written(value):
    if isinstance(value, list):
        return "、".join(map(_written, value))
    if isinstance(value, tuple):
        return "或".join(map(_written, value))
    return value


class ComplaintDeskError(Exception):
    """Base of every error the UI shows in a dialog and the CLI prints."""

    def __init__(self, message: str = "", **values):
        super().__init__(message if isinstance(message, Message) else Message(message, **values))

    @property
    def message(self) -> Message:
        first = self.args[0] if self.args else ""
        return first if isinstance(first, Message) else Message(str(first))


class DatabaseError(ComplaintDeskError):
    """The database cannot be opened or used as asked."""


class DatabaseTooNew(DatabaseError):
    """The file was written by a newer ComplaintDesk; opening it could damage it."""


class FieldError(ComplaintDeskError):
    """One field's value is not acceptable; shown next to that field."""


class ValidationFailed(ComplaintDeskError):
    """A whole form was refused; `errors` maps field name to message."""

    def __init__(self, errors: dict[str, str]):
        self.errors = {key: text if isinstance(text, Message) else Message(text) for key, text in errors.items()}
        super().__init__("有 {n} 处需要更正：{first}", n=len(self.errors), first="；".join(self.errors.values()))


class StaleEdit(ComplaintDeskError):
    """Someone saved the same record since it was loaded; nothing was overwritten."""


class NotFound(ComplaintDeskError):
    """The record asked for does not exist."""


class Cancelled(ComplaintDeskError):
    """The user cancelled long work; nothing of it was kept."""
