"""Every command of the window: its action, shortcut, menu place and toolbar place."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QMainWindow, QToolBar

from .icons import shape_icon

# Written out as translate("MainWindow", ...) so that lupdate files each text under the
# context it is looked up in at run time (window.tr would be "MainWindow" too, but lupdate
# cannot tell what `window` is).
translate = QCoreApplication.translate


class Actions:
    """Every action of the window, by name. (A plain class: a dataclass of thirty fields
    compiles about a millisecond of generated code at every start-up.)"""

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
    full_width: QAction
    theme_light: QAction
    theme_dark: QAction
    theme_system: QAction
    scripts: dict[str, QAction]
    languages: dict[str, QAction]  # system, zh, en
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
    cite_display_script: QAction
    print_article: QAction
    export_pdf: QAction
    remove_page: QAction
    remove_issue: QAction
    remove_paper: QAction
    about: QAction

    def __init__(self, **actions: object) -> None:
        self.__dict__.update(actions)


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
    ks = QKeySequence.StandardKey

    def act(text: str, keys: list[QKeySequence | str] | None = None, shape: str | None = None,
            checkable: bool = False) -> QAction:
        icon = shape_icon(shape) if shape is not None else None
        return _action(window, text, keys, icon, checkable)

    a = Actions(
        import_files=act(translate("MainWindow", "导入文件(&F)…"), [QKeySequence(ks.Open)],
                         "folder"),
        import_folder=act(translate("MainWindow", "导入文件夹(&D)…"), ["Ctrl+Shift+O"], "folder"),
        quit=act(translate("MainWindow", "退出(&Q)"), ["Ctrl+Q"]),
        back=act(translate("MainWindow", "后退(&B)"), ["Alt+Left", "Backspace", QKeySequence(ks.Back)],
                 "back"),
        forward=act(translate("MainWindow", "前进(&F)"), ["Alt+Right", QKeySequence(ks.Forward)],
                    "forward"),
        prev_page=act(translate("MainWindow", "上一版(&P)"), ["PgUp", "Left"], "up"),
        next_page=act(translate("MainWindow", "下一版(&N)"), ["PgDown", "Right"], "down"),
        prev_issue=act(translate("MainWindow", "上一期(&R)"), ["Ctrl+PgUp", "Ctrl+Left"],
                       "seek-back"),
        next_issue=act(translate("MainWindow", "下一期(&X)"), ["Ctrl+PgDown", "Ctrl+Right"],
                       "seek-forward"),
        show_overview=act(translate("MainWindow", "版面概览(&O)"), ["Ctrl+1"], checkable=True),
        show_article=act(translate("MainWindow", "文章(&A)"), ["Ctrl+2"], checkable=True),
        whole_article=act(translate("MainWindow", "连续阅读全文(&W)"), ["Ctrl+J"], checkable=True),
        full_width=act(translate("MainWindow", "全角标点(&P)"), checkable=True),
        theme_light=act(translate("MainWindow", "浅色(&L)"), checkable=True),
        theme_dark=act(translate("MainWindow", "深色(&K)"), checkable=True),
        theme_system=act(translate("MainWindow", "跟随系统(&S)"), checkable=True),
        scripts={
            "original": act(translate("MainWindow", "按原样(&O)"), ["Ctrl+Shift+0"], checkable=True),
            "simplified": act(translate("MainWindow", "简体(&J)"), ["Ctrl+Shift+1"], checkable=True),
            "traditional": act(translate("MainWindow", "繁體(&F)"), ["Ctrl+Shift+2"], checkable=True),
            "taiwan": act(translate("MainWindow", "繁體（台灣）(&T)"), ["Ctrl+Shift+3"], checkable=True),
            "hongkong": act(translate("MainWindow", "繁體（香港）(&H)"), ["Ctrl+Shift+4"], checkable=True),
        },
        # Each language is named in itself, so it can be found whatever the window speaks.
        languages={
            "system": act(translate("MainWindow", "跟随系统(&S)"), checkable=True),
            "zh": act("中文(&C)", checkable=True),
            "en": act("&English", checkable=True),
        },
        bigger=act(translate("MainWindow", "放大文字(&I)"), [QKeySequence(ks.ZoomIn), "Ctrl+=", "Ctrl++"]),
        smaller=act(translate("MainWindow", "缩小文字(&D)"), [QKeySequence(ks.ZoomOut), "Ctrl+-"]),
        normal_size=act(translate("MainWindow", "默认大小(&Z)"), ["Ctrl+0"]),
        find=act(translate("MainWindow", "搜索全部报纸(&S)…"), [QKeySequence(ks.Find), "Ctrl+F"]),
        find_in_article=act(translate("MainWindow", "在本文中查找(&A)…"), ["Ctrl+Shift+F"]),
        next_hit=act(translate("MainWindow", "下一处(&N)"), [QKeySequence(ks.FindNext), "F3"]),
        prev_hit=act(translate("MainWindow", "上一处(&P)"), [QKeySequence(ks.FindPrevious), "Shift+F3"]),
        archive=act(translate("MainWindow", "往期(&H)…"), ["Ctrl+H"]),
        copy_citation=act(translate("MainWindow", "复制引用（GB/T 7714）(&C)"), ["Ctrl+Shift+C"]),
        copy_plain_citation=act(translate("MainWindow", "复制出处(&L)"), ["Ctrl+Alt+C"]),
        cite_display_script=act(translate("MainWindow", "引用采用显示的文字(&D)"), checkable=True),
        print_article=act(translate("MainWindow", "打印文章(&P)…"), [QKeySequence(ks.Print), "Ctrl+P"]),
        export_pdf=act(translate("MainWindow", "导出为 PDF(&E)…"), ["Ctrl+E"]),
        # No shortcuts: removing is never one key press away (each asks first anyway).
        remove_page=act(translate("MainWindow", "删除此版(&R)…")),
        remove_issue=act(translate("MainWindow", "删除本期(&I)…")),
        remove_paper=act(translate("MainWindow", "删除此报(&D)…")),
        about=act(translate("MainWindow", "关于 paper-reader(&A)")),
    )
    a.whole_article.setToolTip(translate("MainWindow", "把转版的文章各部分连起来，按顺序读完"))
    a.full_width.setToolTip(translate(
        "MainWindow", "中文里的半角标点（, ? : ( )）显示为全角；原文和搜索不变"))
    a.cite_display_script.setToolTip(translate(
        "MainWindow", "不勾选时，复制的引用保留报纸印刷的文字；勾选后按“文字”菜单所选的转换"))
    a.find.setIconText(translate("MainWindow", "搜索"))
    a.import_files.setIconText(translate("MainWindow", "导入"))
    views = QActionGroup(window)
    views.addAction(a.show_overview)
    views.addAction(a.show_article)
    for group in ((a.theme_light, a.theme_dark, a.theme_system), a.scripts.values(), a.languages.values()):
        exclusive = QActionGroup(window)
        for action in group:
            exclusive.addAction(action)
    _menus(window, a)
    _toolbar(window, a)
    return a


def _menus(window: QMainWindow, a: Actions) -> None:
    bar = window.menuBar()
    file = bar.addMenu(translate("MainWindow", "文件(&F)"))
    file.addActions([a.import_files, a.import_folder])
    file.addSeparator()
    file.addActions([a.print_article, a.export_pdf])
    file.addSeparator()
    file.addAction(a.quit)
    edit = bar.addMenu(translate("MainWindow", "编辑(&E)"))
    edit.addActions([a.copy_citation, a.copy_plain_citation, a.cite_display_script])
    edit.addSeparator()
    edit.addActions([a.find, a.find_in_article, a.next_hit, a.prev_hit])
    edit.addSeparator()
    edit.addActions([a.remove_page, a.remove_issue, a.remove_paper])
    go = bar.addMenu(translate("MainWindow", "转到(&G)"))
    go.addActions([a.back, a.forward])
    go.addSeparator()
    go.addActions([a.prev_page, a.next_page])
    go.addSeparator()
    go.addActions([a.prev_issue, a.next_issue, a.archive])
    view = bar.addMenu(translate("MainWindow", "查看(&V)"))
    view.addActions([a.show_overview, a.show_article, a.whole_article])
    view.addSeparator()
    script = view.addMenu(translate("MainWindow", "文字(&S)"))
    script.addActions(list(a.scripts.values()))
    view.addAction(a.full_width)
    size = view.addMenu(translate("MainWindow", "字号(&Z)"))
    size.addActions([a.bigger, a.smaller, a.normal_size])
    theme = view.addMenu(translate("MainWindow", "主题(&T)"))
    theme.addActions([a.theme_light, a.theme_dark, a.theme_system])
    view.addSeparator()
    language = view.addMenu(translate("MainWindow", "界面语言(&L)"))
    language.addActions(list(a.languages.values()))
    help_ = bar.addMenu(translate("MainWindow", "帮助(&H)"))
    help_.addAction(a.about)


def _toolbar(window: QMainWindow, a: Actions) -> None:
    bar = QToolBar(translate("MainWindow", "导航"), window)
    bar.setObjectName("navigation")
    bar.setMovable(False)
    bar.setProperty("toolButtonStyle", "ToolButtonTextBesideIcon")  # by name: see main_window
    bar.addActions([a.back, a.forward])
    bar.addSeparator()
    bar.addActions([a.prev_issue, a.prev_page, a.next_page, a.next_issue])
    bar.addSeparator()
    bar.addActions([a.find, a.import_files])
    window.addToolBar(bar)  # at the top
    window.navigation_bar = bar  # type: ignore[attr-defined]
