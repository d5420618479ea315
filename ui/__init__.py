"""ComplaintDesk desktop client: PySide6 widgets over the app/ services. No SQL here."""

import PySide6.QtCore  # noqa: F401  first, so the hook below is cheap for every module after it

from ui import pyside_hook

pyside_hook.install()
