"""Every command of the window: its action, shortcut, menu place and toolbar place."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QMainWindow, QStyle, QToolBar


@dataclass
class Actions:
    import_files: QAction
    import_folder: QAction
    quit: QAction
    back: QAction
    forward: QAction
    prev_page: QAction
    next_page: QAction
    prev_issue: QAction
    next_issue: QAction
    show_overview: QAction
    show_article: QAction
    whole_article: QAction
    theme_light: QAction
    theme_dark: QAction
    about: QAction


def _action(parent: QObject, text: str, keys: list[QKeySequence | str] | None = None,
            icon: QIcon | None = None, checkable: bool = False) -> QAction:
    action = QAction(text, parent)
    if keys:
        unique: dict[str, QKeySequence] = {}
        for k in keys:  # a platform's standard key may repeat one given here: Qt calls that ambiguous
            for seq in ([QKeySequence(k)] if not isinstance(k, QKeySequence) else [k]):
                if not seq.isEmpty():
                    unique.setdefault(seq.toString(), seq)
        action.setShortcuts(list(unique.values()))
    if icon is not None:
        action.setIcon(icon)
    action.setCheckable(checkable)
    return action


def create_actions(window: QMainWindow) -> Actions:
    tr = window.tr
    style = window.style()
    sp = QStyle.StandardPixmap
    ks = QKeySequence.StandardKey
    a = Actions(
        import_files=_action(window, tr("导入文件(&F)…"), [QKeySequence(ks.Open)],
                             style.standardIcon(sp.SP_DialogOpenButton)),
        import_folder=_action(window, tr("导入文件夹(&D)…"), ["Ctrl+Shift+O"],
                              style.standardIcon(sp.SP_DirOpenIcon)),
        quit=_action(window, tr("退出(&Q)"), ["Ctrl+Q"]),
        back=_action(window, tr("后退(&B)"), ["Alt+Left", "Backspace", QKeySequence(ks.Back)],
                     style.standardIcon(sp.SP_ArrowBack)),
        forward=_action(window, tr("前进(&F)"), ["Alt+Right", QKeySequence(ks.Forward)],
                        style.standardIcon(sp.SP_ArrowForward)),
        prev_page=_action(window, tr("上一版(&P)"), ["PgUp", "Left"],
                          style.standardIcon(sp.SP_ArrowUp)),
        next_page=_action(window, tr("下一版(&N)"), ["PgDown", "Right"],
                          style.standardIcon(sp.SP_ArrowDown)),
        prev_issue=_action(window, tr("上一期(&R)"), ["Ctrl+PgUp", "Ctrl+Left"],
                           style.standardIcon(sp.SP_MediaSeekBackward)),
        next_issue=_action(window, tr("下一期(&X)"), ["Ctrl+PgDown", "Ctrl+Right"],
                           style.standardIcon(sp.SP_MediaSeekForward)),
        show_overview=_action(window, tr("版面概览(&O)"), ["Ctrl+1"], checkable=True),
        show_article=_action(window, tr("文章(&A)"), ["Ctrl+2"], checkable=True),
        whole_article=_action(window, tr("连续阅读全文(&W)"), ["Ctrl+J"], checkable=True),
        theme_light=_action(window, tr("浅色(&L)"), checkable=True),
        theme_dark=_action(window, tr("深色(&K)"), checkable=True),
        about=_action(window, tr("关于 paper-reader(&A)")),
    )
    a.whole_article.setToolTip(tr("把转版的文章各部分连起来，按顺序读完"))
    views = QActionGroup(window)
    views.addAction(a.show_overview)
    views.addAction(a.show_article)
    themes = QActionGroup(window)
    themes.addAction(a.theme_light)
    themes.addAction(a.theme_dark)
    for action in (a.back, a.forward, a.prev_page, a.next_page, a.prev_issue, a.next_issue):
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    _menus(window, a)
    _toolbar(window, a)
    return a


def _menus(window: QMainWindow, a: Actions) -> None:
    tr = window.tr
    bar = window.menuBar()
    file = bar.addMenu(tr("文件(&F)"))
    file.addActions([a.import_files, a.import_folder])
    file.addSeparator()
    file.addAction(a.quit)
    go = bar.addMenu(tr("转到(&G)"))
    go.addActions([a.back, a.forward])
    go.addSeparator()
    go.addActions([a.prev_page, a.next_page])
    go.addSeparator()
    go.addActions([a.prev_issue, a.next_issue])
    view = bar.addMenu(tr("查看(&V)"))
    view.addActions([a.show_overview, a.show_article, a.whole_article])
    view.addSeparator()
    theme = view.addMenu(tr("主题(&T)"))
    theme.addActions([a.theme_light, a.theme_dark])
    help_ = bar.addMenu(tr("帮助(&H)"))
    help_.addAction(a.about)


def _toolbar(window: QMainWindow, a: Actions) -> None:
    bar = QToolBar(window.tr("导航"), window)
    bar.setObjectName("navigation")
    bar.setMovable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    bar.addActions([a.back, a.forward])
    bar.addSeparator()
    bar.addActions([a.prev_issue, a.prev_page, a.next_page, a.next_issue])
    bar.addSeparator()
    bar.addAction(a.import_files)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    window.navigation_bar = bar  # type: ignore[attr-defined]
