"""What is wrong with an input or the library, in the window's language.

The core says it in English with a kind and its values (core.problems); here each kind has
its text, with the same values in braces. A problem of no kind, or of a kind this window
does not know, is shown in its English line rather than not at all.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..core.problems import Problem, problem_of

LINE_CHARS = 600  # of a line as shown: its values are file names and error texts, data


translate = QCoreApplication.translate


def _texts() -> dict[str, str]:
    """Each kind's text; made when asked, so that the language installed then is the one
    it speaks. The braces name the values of core.problems.ENGLISH."""
    return {
        "too_large": translate("Problems", "{file}：{size} MB，超出了一版报纸的大小（上限 {limit} MB）"),
        "binary": translate("Problems", "{file}：这是二进制文件，不是一版报纸的文字"),
        "undecodable": translate(
            "Problems", "{file}：文字既不是 UTF-8，也不是 GB18030/GBK（第 {offset} 字节无法解码）"),
        "bad_declared": translate("Problems", "{file}：文件标明是 {encoding} 编码，但第 {offset} 字节不符合"),
        "empty": translate("Problems", "{file}：文件是空的"),
        "missing": translate("Problems", "{file}：没有这个文件或文件夹"),
        "unreadable": translate("Problems", "{file}：无法读取（{reason}）"),
        "denied": translate("Problems", "{file}：无法读取（没有读取权限）"),
        "link_loop": translate("Problems", "{file}：无法读取（符号链接绕成了一个圈）"),
        "dangling_link": translate(
            "Problems", "{file}：无法读取（这是指向 {target} 的符号链接，那里没有文件）"),
        "dangling": translate("Problems", "{file}：无法读取（这是符号链接，它指向的文件不存在）"),
        "not_regular": translate("Problems", "{file}：无法读取（不是普通文件）"),
        "no_page_files": translate("Problems", "{file}：文件夹里没有版面文件（{kinds}）"),
        "pdf_too_large": translate("Problems", "{file}：{size}，超出了一版 PDF 的大小（上限 {limit}）"),
        "not_pdf": translate("Problems", "{file}：这不是 PDF 文件（开头没有 %PDF-）"),
        "pdf_truncated": translate(
            "Problems", "{file}：PDF 文件不完整（结尾没有 %%EOF），可能没有下载或复制完"),
        "pdf_encrypted": translate("Problems", "{file}：PDF 已加密，需要密码才能打开"),
        "pdf_security": translate("Problems", "{file}：PDF 用了无法打开的加密方式"),
        "pdf_damaged": translate("Problems", "{file}：PDF 已损坏，无法读取"),
        "pdf_unreadable": translate("Problems", "{file}：PDF 无法读取（{reason}）"),
        "pdf_no_pages": translate("Problems", "{file}：PDF 里没有页面"),
        "pdf_too_many_pages": translate(
            "Problems", "{file}：PDF 有 {pages} 页，超出了一期报纸的版数（上限 {limit}）"),
        "pdf_page_damaged": translate("Problems", "{file}：{where}已损坏，无法读取"),
        "pdf_text_damaged": translate("Problems", "{file}：{where}已损坏，读不出文字"),
        "pdf_no_text": translate("Problems", "{file}：{where}没有可读的文字（是扫描的图像，没有文字层）"),
        "pdf_too_many_chars": translate(
            "Problems", "{file}：{where}有 {count} 个字符，超出了一版报纸的容量（上限 {limit}）"),
        "cannot_parse": translate("Problems", "{file}：无法解析（{error}）"),
        "duplicate_page": translate(
            "Problems", "{files}：同一期里有两个“{label}”，只保留了后一个（来自 {later}）"),
        "unfiled": translate("Problems", "{files}：看不出是哪份报纸、哪一天（没有报头，也没有版头）；"
                       "请与这一期的头版一起导入"),
        "not_stored": translate("Problems", "{files}：无法存入书库（{reason}），其余文件已导入"),
        "two_dates": translate("Problems", "版头上有两个日期：{date} 和 {other}；已归入 {date}"),
        "name_date": translate(
            "Problems", "版头上的日期是 {date}，文件名 {name} 说是 {named}；已归入 {date}"),
        "busy": translate("Problems", "{file}：书库正忙（另一个 paper-reader 正在写入），请稍后再试"),
        "disk_full": translate("Problems", "{file}：磁盘已满，书库没有任何改动"),
        "readonly": translate(
            "Problems", "{file}：书库无法写入（文件或它所在的文件夹是只读的），没有任何改动"),
        "cannot_open": translate(
            "Problems", "{file}：无法打开书库（{reason}）；请检查它所在的文件夹存在并且可以写入"),
        "io_error": translate("Problems", "{file}：书库读写出错（{reason}），没有任何改动"),
        "no_memory": translate("Problems", "{file}：内存不足，没有任何改动"),
        "damaged": translate("Problems", "{file}：书库文件已损坏（{reason}）"),
        "open_failed": translate("Problems", "{file}：无法打开书库（{reason}）"),
        "not_a_library_file": translate(
            "Problems", "{file}：这是{what}，不是书库文件；请给出书库文件的路径"),
        "not_regular_library": translate("Problems", "{file}：这不是普通文件，不是书库文件"),
        "not_ours": translate(
            "Problems", "{file}：这不是 paper-reader 的书库（已损坏，或是别的文件）"),
        "not_ours_sqlite": translate("Problems", "{file}：这个 SQLite 文件不是 paper-reader 的书库"),
        "cut_short": translate(
            "Problems", "{file}：书库文件不完整（只有 {size} 字节，应有 {total} 字节），"
                        "可能是复制时中断了"),
        "no_library": translate("Problems", "{file}：这里没有书库（只读打开时不会新建书库）"),
        "empty_library": translate("Problems", "{file}：这个文件里还没有书库（文件是空的）"),
        "newer": translate(
            "Problems", "{file}：这个书库由更新版本的 paper-reader 写成（格式 {version}，"
                        "本版本最多读到 {supported}）；请更新 paper-reader 后再打开"),
        "foreign": translate(
            "Problems", "{file}：没有打开：书库的结构不是 paper-reader 建的（{difference}），"
                        "已被别的程序改动，所以原样保留"),
        "uncheckpointed": translate(
            "Problems", "{file}：这份副本不完整：书库最新的内容在它的 -wal 文件里，而那个文件没有"
                        "复制过来或在这里读不到；请在工作人员的电脑上用 `paper-reader library "
                        "publish DEST` 复制（或在那里用 paper-reader 打开一次后再复制）"),
        "open_readonly": translate("Problems", "{file}：书库是以只读方式打开的"),
        "rename_failed": translate("Problems", "{file}：无法改名（{reason}），请手动把它移走"),
        "no_paper": translate("Problems", "书库里没有名为“{paper}”的报纸"),
        "no_issue": translate("Problems", "书库里没有{paper} {date} 这一期"),
        "no_page": translate("Problems", "书库里没有{paper} {date} 的第 {page} 版"),
    }


def known_kinds() -> set[str]:
    return set(_texts())


def problem_text(problem: Problem | BaseException | str, file_named: bool = True) -> str:
    """The problem in the window's language: its kind's text with its values put in (never
    read as a text of their own: a file name with braces stays as it is), on one line.
    ``file_named`` False: without the file it begins with, for a screen that names it."""
    found = problem if isinstance(problem, Problem) else problem_of(problem)
    text = _said(found)
    lead = found.value("file")
    for mark in ("：", ": "):  # the Chinese text's, the English line's
        if not file_named and lead and text.startswith(lead + mark):
            return text[len(lead) + len(mark):]
    return text


def _said(problem: Problem) -> str:
    text = _texts().get(problem.kind)
    if text is None:
        return _one_line(problem.line)
    values = dict(problem.values)
    if "thing" in values:  # what a library's path names instead of a file (English in {what})
        things = {"folder": translate("Problems", "文件夹"), "pipe": translate("Problems", "命名管道"),
                  "socket": translate("Problems", "套接字"), "device": translate("Problems", "设备"),
                  "other": translate("Problems", "特殊文件")}
        values["what"] = things.get(values["thing"], values.get("what", ""))
    if "where" in values:  # a PDF's page, "page N" or "the page" in the English line
        page = values.get("page", "")
        values["where"] = (translate("Problems", "第 %1 页").replace("%1", page) if page
                           else translate("Problems", "这一页"))
    try:
        return _one_line(text.format_map(values))
    except (KeyError, IndexError, ValueError):  # a translation that names another value
        return _one_line(problem.line)


_BREAKS = dict.fromkeys(map(ord, "\n\r\t\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"), " ")


def _one_line(text: str) -> str:
    """A file name with a line break in it must not make a line of its own."""
    text = text.translate(_BREAKS)
    return text if len(text) <= LINE_CHARS else text[: LINE_CHARS - 1] + "…"
