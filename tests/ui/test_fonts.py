"""The shipped fonts: the UI speaks WenQuanYi Micro Hei, and the fallback draws what it lacks."""

from PySide6.QtGui import QFontDatabase

from ui.main import UI_FONT_FAMILY, make_application


def test_the_application_font_is_micro_hei_not_the_fallback(qapp):
    app = make_application()
    assert app.font().family() == UI_FONT_FAMILY
    assert "HanaMinA" in QFontDatabase.families()  # registered too, for 䶮 and other rare characters
