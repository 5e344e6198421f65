"""The administrator's PIN dialog by keyboard: Enter confirms the PIN and nothing more; the
unlocked page then offers its choices with a clear default, and says what leaving does."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from paper_reader.app import ReaderApp

from .conftest import PIN


def enter(widget, auto_repeat: bool = False) -> None:  # type: ignore[no-untyped-def]
    QApplication.sendEvent(widget, QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_Return,
                                             Qt.KeyboardModifier.NoModifier, "\r", auto_repeat))
    QApplication.sendEvent(widget, QKeyEvent(QKeyEvent.Type.KeyRelease, Qt.Key.Key_Return,
                                             Qt.KeyboardModifier.NoModifier, "\r", auto_repeat))


def test_enter_confirms_the_pin_then_offers_both_choices(qtbot, kiosk: ReaderApp, monkeypatch) -> None:
    monkeypatch.delenv("INVOCATION_ID", raising=False)
    k = kiosk.kiosk
    dialog = k.open_pin_dialog()
    qtbot.keyClicks(dialog.pin, PIN)
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.unlocked  # not closed by the same Enter
    assert dialog.continue_button.isDefault() and not dialog.exit_button.isDefault()
    assert dialog.focusWidget() is dialog.continue_button
    enter(dialog.focusWidget(), auto_repeat=True)  # Enter still held down: no choice made
    assert dialog.isVisible() and kiosk.window.isVisible()
    # By keyboard to 退出: Tab, then Enter.
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.exit_button
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert not kiosk.window.isVisible() and k.unlocked


def test_enter_on_the_unlocked_page_takes_the_default_back_to_reading(qtbot, kiosk: ReaderApp) -> None:
    k = kiosk.kiosk
    dialog = k.open_pin_dialog()
    dialog.pin.setText(PIN)
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)  # the keypad's Enter
    assert dialog.isVisible() and dialog.unlocked
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # the dialog's default button takes it
    assert not dialog.isVisible() and kiosk.window.isVisible() and not k.unlocked
    dialog = k.open_pin_dialog()  # opened again: the PIN first, the unlock button the default
    assert not dialog.unlocked and dialog.unlock_button.isDefault() and not dialog.continue_button.isDefault()
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)  # an empty PIN: refused, the dialog stays
    assert dialog.isVisible() and not dialog.unlocked and dialog.status.text() == "密码不对。"


def test_the_unlocked_page_says_what_leaving_does(qtbot, kiosk: ReaderApp, monkeypatch) -> None:
    from paper_reader.kiosk import pin_dialog as kiosk_pin

    monkeypatch.setenv("INVOCATION_ID", "0123456789abcdef")  # as systemd sets it for a service
    text = kiosk_pin.leaving_text()
    assert "重新启动" in text and "systemctl stop paper-reader-kiosk" in text and "桌面" not in text
    monkeypatch.delenv("INVOCATION_ID")
    assert "桌面" in kiosk_pin.leaving_text() and "重新启动" not in kiosk_pin.leaving_text()
    dialog = kiosk.kiosk.open_pin_dialog()
    assert dialog.unlocked_text.textFormat() == Qt.TextFormat.PlainText
