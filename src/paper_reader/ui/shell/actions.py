"""Every command of the window: its action, shortcut, menu place and toolbar place.

Only what the window's profile allows is made: a kiosk has no import, quit or PDF action
at all (None here), no menu bar, and a toolbar for fingers.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QMainWindow, QToolBar

from .icons import shape_icon
from .profile import PRINT_NONE, PRINT_PRINTER, Profile

# Written out as translate("MainWindow", ...) so that lupdate files each text under the
# context it is looked up in at run time (window.tr would be "MainWindow" too, but lupdate
# cannot tell what `window` is).
translate = QCoreApplication.translate


class Actions:
    """Every action of the window, by name; None where the profile does not allow it.
    (A plain class: a dataclass of thirty fields compiles about a millisecond of generated
    code at every start-up.)"""

    import_files: QAction | None
    import_folder: QAction | None
    quit: QAction | None
    back: QAction
    forward: QAction
    prev_page: QAction
    next_page: QAction
    prev_issue: QAction
    next_issue: QAction
    show_overview: QAction
    show_article: QAction
    whole_article: QAction
    full_width: QAction | None
    theme_light: QAction | None
    theme_dark: QAction | None
    theme_system: QAction | None
    scripts: dict[str, QAction]
    languages: dict[str, QAction]  # system, zh, en (none without menus)
    bigger: QAction
    smaller: QAction
    normal_size: QAction
    zoom_in: QAction
    zoom_out: QAction
    fit_width: QAction
    fit_page: QAction
    dim_image: QAction | None
    find: QAction
    find_in_article: QAction
    next_hit: QAction
    prev_hit: QAction
    archive: QAction
    copy_citation: QAction | None
    copy_plain_citation: QAction | None
    cite_display_script: QAction | None
    clip: QAction | None  # 剪报: saved (a reader's window) or printed (a kiosk that may print)
    print_article: QAction | None
    export_pdf: QAction | None
    remove_page: QAction | None
    remove_issue: QAction | None
    remove_paper: QAction | None
    about: QAction | None

    def __init__(self, **actions: object) -> None:
        self.__dict__.update(actions)

    def made(self) -> list[QAction]:
        """Every action there is."""
        found: list[QAction] = []
        for value in self.__dict__.values():
            if isinstance(value, QAction):
                found.append(value)
            elif isinstance(value, dict):
                found.extend(value.values())
        return found


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


def create_actions(window: QMainWindow, profile: Profile) -> tuple[Actions, QToolBar]:
    """The actions the profile allows, in the menus (if it has them) and the toolbar."""
    ks = QKeySequence.StandardKey

    def act(text: str, keys: list[QKeySequence | str] | None = None, shape: str | None = None,
            checkable: bool = False) -> QAction:
        icon = shape_icon(shape) if shape is not None else None
        return _action(window, text, keys, icon, checkable)

    def may(allowed: bool, text: str, keys: list[QKeySequence | str] | None = None,
            shape: str | None = None, checkable: bool = False) -> QAction | None:
        return act(text, keys, shape, checkable) if allowed else None

    menus, imports, removal = profile.menus, profile.imports, profile.removal

    a = Actions(
        import_files=may(imports, translate("MainWindow", "导入文件(&F)…"), [QKeySequence(ks.Open)],
                         "folder"),
        import_folder=may(imports, translate("MainWindow", "导入文件夹(&D)…"), ["Ctrl+Shift+O"],
                          "folder"),
        quit=may(menus, translate("MainWindow", "退出(&Q)"), ["Ctrl+Q"]),
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
        full_width=may(menus, translate("MainWindow", "全角标点(&P)"), checkable=True),
        theme_light=may(menus, translate("MainWindow", "浅色(&L)"), checkable=True),
        theme_dark=may(menus, translate("MainWindow", "深色(&K)"), checkable=True),
        theme_system=may(menus, translate("MainWindow", "跟随系统(&S)"), checkable=True),
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
        } if menus else {},
        bigger=act(translate("MainWindow", "放大文字(&I)"), [QKeySequence(ks.ZoomIn), "Ctrl+=", "Ctrl++"]),
        smaller=act(translate("MainWindow", "缩小文字(&D)"), [QKeySequence(ks.ZoomOut), "Ctrl+-"]),
        normal_size=act(translate("MainWindow", "默认大小(&Z)"), ["Ctrl+0"]),
        # The page image's zoom: it takes the text size's keys while the image is up
        # (keys_for_image); the menu reaches both at any time.
        zoom_in=act(translate("MainWindow", "放大版面图(&I)")),
        zoom_out=act(translate("MainWindow", "缩小版面图(&O)")),
        fit_width=act(translate("MainWindow", "适合宽度(&W)")),
        fit_page=act(translate("MainWindow", "适合整版(&G)")),
        dim_image=may(menus, translate("MainWindow", "深色主题下调暗版面图(&M)"), checkable=True),
        find=act(translate("MainWindow", "搜索全部报纸(&S)…"), [QKeySequence(ks.Find), "Ctrl+F"]),
        find_in_article=act(translate("MainWindow", "在本文中查找(&A)…"), ["Ctrl+Shift+F"]),
        next_hit=act(translate("MainWindow", "下一处(&N)"), [QKeySequence(ks.FindNext), "F3"]),
        prev_hit=act(translate("MainWindow", "上一处(&P)"), [QKeySequence(ks.FindPrevious), "Shift+F3"]),
        archive=act(translate("MainWindow", "往期(&H)…"), ["Ctrl+H"]),
        copy_citation=may(profile.citations, translate("MainWindow", "复制引用（GB/T 7714）(&C)"),
                          ["Ctrl+Shift+C"]),
        copy_plain_citation=may(profile.citations, translate("MainWindow", "复制出处(&L)"),
                                ["Ctrl+Alt+C"]),
        cite_display_script=may(profile.citations and menus,
                                translate("MainWindow", "引用采用显示的文字(&D)"), checkable=True),
        clip=may(profile.pdf_export or profile.print_target == PRINT_PRINTER,
                 translate("MainWindow", "剪报(&J)…"), ["Ctrl+Shift+S"]),
        print_article=may(profile.print_target != PRINT_NONE, translate("MainWindow", "打印文章(&P)…"),
                          [QKeySequence(ks.Print), "Ctrl+P"]),
        export_pdf=may(profile.pdf_export, translate("MainWindow", "导出为 PDF(&E)…"), ["Ctrl+E"]),
        # No shortcuts: removing is never one key press away (each asks first anyway).
        remove_page=may(removal, translate("MainWindow", "删除此版(&R)…")),
        remove_issue=may(removal, translate("MainWindow", "删除本期(&I)…")),
        remove_paper=may(removal, translate("MainWindow", "删除此报(&D)…")),
        about=may(menus, translate("MainWindow", "关于 paper-reader(&A)")),
    )
    a.whole_article.setToolTip(translate("MainWindow", "把转版的文章各部分连起来，按顺序读完"))
    if a.full_width is not None:
        a.full_width.setToolTip(translate(
            "MainWindow", "中文里的半角标点（, ? : ( )）显示为全角；原文和搜索不变"))
    if a.cite_display_script is not None:
        a.cite_display_script.setToolTip(translate(
            "MainWindow", "不勾选时，复制的引用保留报纸印刷的文字；勾选后按“文字”菜单所选的转换"))
    if a.dim_image is not None:
        a.dim_image.setToolTip(translate("MainWindow", "不勾选时，版面图在深色主题下也保持纸张原色"))
    a.find.setIconText(translate("MainWindow", "搜索"))
    if a.import_files is not None:
        a.import_files.setIconText(translate("MainWindow", "导入"))
    views = QActionGroup(window)
    views.addAction(a.show_overview)
    views.addAction(a.show_article)
    for group in ((a.theme_light, a.theme_dark, a.theme_system), a.scripts.values(), a.languages.values()):
        exclusive = QActionGroup(window)
        for action in group:
            if action is not None:
                exclusive.addAction(action)
    if menus:
        _menus(window, a)
    keys_for_image(a, False)
    if profile.touch:
        bar = _touch_toolbar(window, a)
    else:
        bar = _toolbar(window, a)
    if not menus:  # keys for what has no button (the menus that would carry them are not made)
        on_bar = set(bar.actions())
        window.addActions([action for action in a.made() if action not in on_bar])
    return a, bar


_TEXT_KEYS: dict[str, list[QKeySequence]] = {}  # the text size's keys, given back after the image


def keys_for_image(a: Actions, on: bool) -> None:
    """While the page image is up, Ctrl+= / Ctrl+- / Ctrl+0 zoom it (and Ctrl+9 fits the
    whole page); with the article or the overview up, the same keys size the text. Only one
    action holds a key at a time: two would make it ambiguous, and neither would run."""
    pairs = ((a.bigger, a.zoom_in), (a.smaller, a.zoom_out), (a.normal_size, a.fit_width))
    if not _TEXT_KEYS:
        for text, _image in pairs:
            _TEXT_KEYS[text.text()] = text.shortcuts()
    for text, image in pairs:
        keys = _TEXT_KEYS.get(text.text(), [])
        if on:
            text.setShortcuts([])
            image.setShortcuts(keys)
        else:
            image.setShortcuts([])
            text.setShortcuts(keys)
    a.fit_page.setShortcuts([QKeySequence("Ctrl+9")] if on else [])
    for image in (a.zoom_in, a.zoom_out, a.fit_width, a.fit_page):
        image.setEnabled(on)


def _some(*actions: QAction | None) -> list[QAction]:
    return [a for a in actions if a is not None]


def _menus(window: QMainWindow, a: Actions) -> None:
    bar = window.menuBar()
    file = bar.addMenu(translate("MainWindow", "文件(&F)"))
    for group in (_some(a.import_files, a.import_folder), _some(a.print_article, a.export_pdf)):
        if group:
            file.addActions(group)
            file.addSeparator()
    file.addActions(_some(a.quit))
    edit = bar.addMenu(translate("MainWindow", "编辑(&E)"))
    citing = _some(a.copy_citation, a.copy_plain_citation, a.cite_display_script)
    if citing:
        edit.addActions(citing)
        edit.addSeparator()
    if a.clip is not None:
        edit.addAction(a.clip)
        edit.addSeparator()
        edit.setToolTipsVisible(True)  # 剪报's says why it is off (a page without its image)
    edit.addActions([a.find, a.find_in_article, a.next_hit, a.prev_hit])
    removing = _some(a.remove_page, a.remove_issue, a.remove_paper)
    if removing:
        edit.addSeparator()
        edit.addActions(removing)
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
    view.addActions(_some(a.full_width))
    size = view.addMenu(translate("MainWindow", "字号(&Z)"))
    size.addActions([a.bigger, a.smaller, a.normal_size])
    theme = view.addMenu(translate("MainWindow", "主题(&T)"))
    theme.addActions(_some(a.theme_light, a.theme_dark, a.theme_system))
    if a.dim_image is not None:
        theme.addSeparator()
        theme.addAction(a.dim_image)
    zoom = view.addMenu(translate("MainWindow", "版面图(&P)"))
    zoom.addActions([a.zoom_in, a.zoom_out])
    zoom.addSeparator()
    zoom.addActions([a.fit_width, a.fit_page])
    view.addSeparator()
    language = view.addMenu(translate("MainWindow", "界面语言(&L)"))
    language.addActions(list(a.languages.values()))
    help_ = bar.addMenu(translate("MainWindow", "帮助(&H)"))
    help_.addActions(_some(a.about))


def _toolbar(window: QMainWindow, a: Actions) -> QToolBar:
    bar = QToolBar(translate("MainWindow", "导航"), window)
    bar.setObjectName("navigation")
    bar.setMovable(False)
    bar.setProperty("toolButtonStyle", "ToolButtonTextBesideIcon")  # by name: see main_window
    bar.addActions([a.back, a.forward])
    bar.addSeparator()
    bar.addActions([a.prev_issue, a.prev_page, a.next_page, a.next_issue])
    bar.addSeparator()
    bar.addActions(_some(a.find, a.import_files))
    window.addToolBar(bar)  # at the top
    return bar


def _touch_toolbar(window: QMainWindow, a: Actions) -> QToolBar:
    """For fingers (a kiosk): big buttons with their names under them, the archive, the
    script as a button with a menu, A− and A+, and print when allowed; nothing floats."""
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QMenu, QToolButton

    bar = QToolBar(translate("MainWindow", "导航"), window)
    bar.setObjectName("navigation")
    bar.setMovable(False)
    bar.setFloatable(False)
    bar.toggleViewAction().setEnabled(False)
    bar.setIconSize(QSize(28, 28))
    bar.setProperty("toolButtonStyle", "ToolButtonTextUnderIcon")
    for action, text in ((a.back, translate("Kiosk", "后退")), (a.forward, translate("Kiosk", "前进")),
                         (a.prev_issue, translate("Kiosk", "上一期")),
                         (a.prev_page, translate("Kiosk", "上一版")),
                         (a.next_page, translate("Kiosk", "下一版")),
                         (a.next_issue, translate("Kiosk", "下一期"))):
        action.setIconText(text)
    a.archive.setIconText(translate("Kiosk", "往期"))
    a.smaller.setIconText("A−")
    a.bigger.setIconText("A+")
    bar.addActions([a.back, a.forward])
    bar.addSeparator()
    bar.addActions([a.prev_issue, a.prev_page, a.next_page, a.next_issue])
    bar.addSeparator()
    bar.addActions([a.archive, a.find])
    bar.addSeparator()
    scripts = QToolButton(bar)
    scripts.setObjectName("kioskScripts")
    scripts.setText(translate("Kiosk", "文字"))
    scripts.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(scripts)
    for action in a.made():  # menus for fingers: no Ctrl+Shift+1 beside an item
        action.setShortcutVisibleInContextMenu(False)
    for action in a.scripts.values():  # nor a keyboard letter: 简体, not 简体(J)
        action.setText(without_mnemonic(action.text()))
    menu.addActions(list(a.scripts.values()))
    scripts.setMenu(menu)
    bar.addWidget(scripts)
    bar.addActions([a.smaller, a.bigger])
    if a.print_article is not None:
        a.print_article.setIconText(translate("Kiosk", "打印"))
        bar.addAction(a.print_article)
    if a.clip is not None:
        a.clip.setIconText(translate("Kiosk", "剪报"))
        bar.addAction(a.clip)
    window.addToolBar(bar)
    return bar


def without_mnemonic(text: str) -> str:
    """A menu text without its keyboard letter: 简体(&J) → 简体, &Simplified → Simplified."""
    import re

    text = re.sub(r"\s*[(（]&[^)）][)）]", "", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&&")
