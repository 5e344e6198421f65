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
    theme_system: QAction
    scripts: dict[str, QAction]
    bigger: QAction
    smaller: QAction
    normal_size: QAction
    find: QAction
    find_in_article: QAction
    next_hit: QAction
    prev_hit: QAction
    archive: QAction
    copy_citation: QAction
    copy_plain_citation: QAction
    print_article: QAction
    export_pdf: QAction
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
        theme_system=_action(window, tr("跟随系统(&S)"), checkable=True),
        scripts={
            "original": _action(window, tr("按原样(&O)"), ["Ctrl+Shift+0"], checkable=True),
            "simplified": _action(window, tr("简体(&J)"), ["Ctrl+Shift+1"], checkable=True),
            "traditional": _action(window, tr("繁體(&F)"), ["Ctrl+Shift+2"], checkable=True),
            "taiwan": _action(window, tr("繁體（台灣）(&T)"), ["Ctrl+Shift+3"], checkable=True),
            "hongkong": _action(window, tr("繁體（香港）(&H)"), ["Ctrl+Shift+4"], checkable=True),
        },
        bigger=_action(window, tr("放大文字(&I)"), [QKeySequence(ks.ZoomIn), "Ctrl+=", "Ctrl++"]),
        smaller=_action(window, tr("缩小文字(&D)"), [QKeySequence(ks.ZoomOut), "Ctrl+-"]),
        normal_size=_action(window, tr("默认大小(&Z)"), ["Ctrl+0"]),
        find=_action(window, tr("搜索全部报纸(&S)…"), [QKeySequence(ks.Find), "Ctrl+F"]),
        find_in_article=_action(window, tr("在本文中查找(&A)…"), ["Ctrl+Shift+F"]),
        next_hit=_action(window, tr("下一处(&N)"), [QKeySequence(ks.FindNext), "F3"]),
        prev_hit=_action(window, tr("上一处(&P)"), [QKeySequence(ks.FindPrevious), "Shift+F3"]),
        archive=_action(window, tr("往期(&H)…"), ["Ctrl+H"]),
        copy_citation=_action(window, tr("复制引用（GB/T 7714）(&C)"), ["Ctrl+Shift+C"]),
        copy_plain_citation=_action(window, tr("复制出处(&L)"), ["Ctrl+Alt+C"]),
        print_article=_action(window, tr("打印文章(&P)…"), [QKeySequence(ks.Print), "Ctrl+P"]),
        export_pdf=_action(window, tr("导出为 PDF(&E)…"), ["Ctrl+E"]),
        about=_action(window, tr("关于 paper-reader(&A)")),
    )
    a.whole_article.setToolTip(tr("把转版的文章各部分连起来，按顺序读完"))
    a.find.setIconText(tr("搜索"))
    a.import_files.setIconText(tr("导入"))
    views = QActionGroup(window)
    views.addAction(a.show_overview)
    views.addAction(a.show_article)
    themes = QActionGroup(window)
    for action in (a.theme_light, a.theme_dark, a.theme_system):
        themes.addAction(action)
    scripts = QActionGroup(window)
    for action in a.scripts.values():
        scripts.addAction(action)
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
    file.addActions([a.print_article, a.export_pdf])
    file.addSeparator()
    file.addAction(a.quit)
    edit = bar.addMenu(tr("编辑(&E)"))
    edit.addActions([a.copy_citation, a.copy_plain_citation])
    edit.addSeparator()
    edit.addActions([a.find, a.find_in_article, a.next_hit, a.prev_hit])
    go = bar.addMenu(tr("转到(&G)"))
    go.addActions([a.back, a.forward])
    go.addSeparator()
    go.addActions([a.prev_page, a.next_page])
    go.addSeparator()
    go.addActions([a.prev_issue, a.next_issue, a.archive])
    view = bar.addMenu(tr("查看(&V)"))
    view.addActions([a.show_overview, a.show_article, a.whole_article])
    view.addSeparator()
    script = view.addMenu(tr("文字(&S)"))
    script.addActions(list(a.scripts.values()))
    size = view.addMenu(tr("字号(&Z)"))
    size.addActions([a.bigger, a.smaller, a.normal_size])
    theme = view.addMenu(tr("主题(&T)"))
    theme.addActions([a.theme_light, a.theme_dark, a.theme_system])
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
    bar.addActions([a.find, a.import_files])
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    window.navigation_bar = bar  # type: ignore[attr-defined]
