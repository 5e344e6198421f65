"""The kiosk window: full screen, nothing that leads out, keys that would close it do nothing,
and the administrator's PIN as the only way out."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QAction, QContextMenuEvent, QDragEnterEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolButton, QWidget

from paper_reader.app import ReaderApp

from .conftest import PIN, FakeClock

ESCAPES = {"Alt+F4": (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
           "Ctrl+Q": (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
           "Ctrl+W": (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
           "Esc": (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
           "F11": (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier)}


def visible_actions(app: ReaderApp) -> list[QAction]:
    w = app.window
    return [a for a in w.navigation_bar.actions() if a.isVisible()] + QWidget.actions(w)


def test_full_screen_frameless_without_menus(kiosk: ReaderApp) -> None:
    w = kiosk.window
    assert w.isFullScreen() and w.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert not w.menuBar().isVisible() and w.menuBar().actions() == []
    assert w.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu
    a = w.actions
    # Never made (the kiosk's profile allows none of them), so nothing is there to hide.
    for name in ("import_files", "import_folder", "quit", "export_pdf", "print_article", "about",
                 "theme_dark", "theme_light", "theme_system"):
        assert getattr(a, name) is None, name
    assert a.languages == {}
    texts = {action.text() for action in w.findChildren(QAction)}
    assert not texts & {"导入文件(&F)…", "导入文件夹(&D)…", "退出(&Q)", "导出为 PDF(&E)…", "打印文章(&P)…",
                        "关于 paper-reader(&A)", "浅色(&L)", "深色(&K)", "中文(&C)", "&English"}
    assert set(visible_actions(kiosk)) <= set(a.made()) | {x for x in w.navigation_bar.actions()}
    texts = {action.iconText() for action in w.navigation_bar.actions()}
    assert {"后退", "上一版", "下一版", "往期", "搜索", "A−", "A+"} <= texts
    assert kiosk.importer is None


def test_touch_targets_are_at_least_44_px(kiosk: ReaderApp) -> None:
    w = kiosk.window
    buttons = [b for b in w.navigation_bar.findChildren(QToolButton) if b.isVisible()]
    # back, forward, four page and issue turns, archive, search, script, A−, A+ (and perhaps
    # the overflow button of a narrow screen: the offscreen one is 800 px wide)
    assert len(buttons) >= 11
    for button in buttons:
        assert button.height() >= 44 and button.width() >= 44, button.text()
    for view in (w.article_list, w.page_strip):
        for row in range(view.model().rowCount()):
            assert view.visualRect(view.model().index(row, 0)).height() >= 44
    assert w.tabs.tabBar().height() >= 44
    assert w.info_bar.findChild(QToolButton).minimumSizeHint().height() >= 44 or \
        w.info_bar.findChild(QToolButton).sizeHint().height() >= 44


@pytest.mark.parametrize("name", list(ESCAPES))
def test_escape_keys_do_nothing(qtbot, kiosk: ReaderApp, name: str) -> None:
    w = kiosk.window
    probe = QAction(w)  # a shortcut on those keys would fire if the key got through
    probe.setShortcut(QKeySequence(name.replace("Esc", "Escape")))
    w.addAction(probe)
    fired: list[bool] = []
    probe.triggered.connect(lambda: fired.append(True))
    key, modifiers = ESCAPES[name]
    for target in (w, w.article_list, w.article_view.browser):
        target.setFocus()
        qtbot.keyClick(target, key, modifiers)
    QApplication.processEvents()
    assert fired == [] and kiosk.kiosk.swallowed == 3
    assert w.isVisible() and w.isFullScreen()


def test_closing_is_refused_until_unlocked(qtbot, kiosk: ReaderApp) -> None:
    w = kiosk.window
    assert not w.close()
    assert w.isVisible()
    w.showNormal()  # as a window manager might
    qtbot.waitUntil(w.isFullScreen, timeout=2000)


def test_no_context_menus_and_no_drops(qtbot, kiosk: ReaderApp, sample_dir) -> None:
    w = kiosk.window
    viewport = w.article_view.browser.viewport()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(20, 20),
                              viewport.mapToGlobal(QPoint(20, 20)))
    QApplication.sendEvent(viewport, event)
    qtbot.mouseClick(viewport, Qt.MouseButton.RightButton, pos=QPoint(20, 20))
    QApplication.processEvents()
    assert QApplication.activePopupWidget() is None
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(sample_dir / "page1.txt"))])
    enter = QDragEnterEvent(QPoint(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(w, enter)
    assert not enter.isAccepted() and not w.acceptDrops()


# -- the administrator ---------------------------------------------------------------------------
def admin_keys(qtbot, app: ReaderApp):  # type: ignore[no-untyped-def]
    mods = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(app.window, Qt.Key.Key_P, mods)
    qtbot.waitUntil(lambda: app.kiosk.pin_dialog is not None and app.kiosk.pin_dialog.isVisible(),
                    timeout=2000)
    return app.kiosk.pin_dialog


def test_wrong_pin_is_refused_right_pin_exits(qtbot, kiosk: ReaderApp) -> None:
    dialog = admin_keys(qtbot, kiosk)
    assert dialog.isModal() and not dialog.unlocked
    for digit in "1111":
        qtbot.mouseClick(next(k for k in dialog.keys if k.text() == digit), Qt.MouseButton.LeftButton)
    assert dialog.pin.text() == "1111"
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert not dialog.unlocked and dialog.status.text() == "密码不对。" and dialog.pin.text() == ""
    assert kiosk.window.isVisible()
    dialog.pin.setText(PIN)
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    assert dialog.unlocked
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)  # 继续: stays a kiosk
    assert not dialog.isVisible() and not kiosk.kiosk.unlocked and kiosk.window.isVisible()
    assert not kiosk.window.close()
    dialog = admin_keys(qtbot, kiosk)
    assert not dialog.unlocked and dialog.pin.text() == ""  # each opening asks again
    dialog.pin.setText(PIN)
    dialog.submit()
    qtbot.mouseClick(dialog.exit_button, Qt.MouseButton.LeftButton)  # 退出
    assert not kiosk.window.isVisible()


def test_repeated_wrong_pins_make_the_dialog_wait(qtbot, kiosk: ReaderApp) -> None:
    clock = FakeClock()
    kiosk.kiosk.gate.clock = clock
    dialog = admin_keys(qtbot, kiosk)
    for guess in ("1", "2", "3"):
        dialog.pin.setText(guess)
        dialog.submit()
    assert "30 秒" in dialog.status.text()
    assert not dialog.unlock_button.isEnabled() and not dialog.pin.isEnabled()
    dialog.pin.setText(PIN)
    dialog.submit()  # not taken while waiting
    assert not dialog.unlocked
    clock.advance(12)
    dialog.refresh_wait()
    assert "18 秒" in dialog.status.text()
    clock.advance(18)
    dialog.refresh_wait()
    assert dialog.unlock_button.isEnabled() and dialog.status.text() == ""
    dialog.pin.setText("4")
    dialog.submit()
    assert "60 秒" in dialog.status.text()
    clock.advance(60)
    dialog.refresh_wait()
    dialog.pin.setText(PIN)
    dialog.submit()
    assert dialog.unlocked


def test_holding_the_top_right_corner_opens_the_pin_dialog(qtbot, kiosk: ReaderApp) -> None:
    k = kiosk.kiosk
    k.CORNER_HOLD_MS = 150
    w = kiosk.window
    corner = QPoint(w.width() - 10, 10)
    target = w.childAt(corner) or w
    local = target.mapFrom(w, corner)
    QTest.mousePress(target, Qt.MouseButton.LeftButton, pos=local)  # a short press: nothing
    QTest.mouseRelease(target, Qt.MouseButton.LeftButton, pos=local)
    qtbot.wait(300)
    assert k.pin_dialog is None
    device = QTest.createTouchDevice()
    QTest.touchEvent(w.windowHandle(), device).press(0, corner)
    qtbot.waitUntil(lambda: k.pin_dialog is not None and k.pin_dialog.isVisible(), timeout=2000)
    QTest.touchEvent(w.windowHandle(), device).release(0, corner)
    k.pin_dialog.reject()
    QTest.mousePress(target, Qt.MouseButton.LeftButton, pos=local)  # a held mouse button too
    qtbot.waitUntil(k.pin_dialog.isVisible, timeout=2000)
    QTest.mouseRelease(target, Qt.MouseButton.LeftButton, pos=local)


def test_without_a_pin_the_dialog_says_how_to_set_one(qtbot, make_kiosk) -> None:
    app = make_kiosk(admin_pin="")
    dialog = app.kiosk.open_pin_dialog()
    assert "kiosk set-pin" in dialog.prompt.text() and not dialog.unlock_button.isEnabled()
    dialog.pin.setText("")
    dialog.submit()
    assert not dialog.unlocked and app.window.isVisible()
