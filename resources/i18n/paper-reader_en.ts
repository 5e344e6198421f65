<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>About</name>
    <message>
        <location filename="../../src/paper_reader/ui/shell/wiring.py" line="+89"/>
        <source>数字化日报阅读器</source>
        <translation>A reader for digitized daily newspapers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>书库</source>
        <translation>Library</translation>
    </message>
</context>
<context>
    <name>ArchiveDialog</name>
    <message>
        <location filename="../../src/paper_reader/ui/tools/archive_dialog.py" line="+24"/>
        <source>往期</source>
        <translation>Archive</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>报纸</source>
        <translation>Newspaper</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>出版日历</source>
        <translation>Publication calendar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>加粗的日期有报纸；双击或按回车打开。</source>
        <translation>Dates in bold have an issue: double-click one or press Enter to open it.</translation>
    </message>
</context>
<context>
    <name>ArticleHtml</name>
    <message>
        <location filename="../../src/paper_reader/ui/views/article_html.py" line="+177"/>
        <source>……文章过长，以下 %1 字未显示。</source>
        <translation>… This article is very long: the remaining %1 characters are not shown.</translation>
    </message>
</context>
<context>
    <name>ArticleList</name>
    <message>
        <location filename="../../src/paper_reader/ui/views/models.py" line="+144"/>
        <source>（无题）</source>
        <translation>(Untitled)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>上接%1</source>
        <translation>Continued from %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>下转%1</source>
        <translation>Continued on %1</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <location filename="../../src/paper_reader/ui/views/article_view.py" line="+82"/>
        <source>文章正文</source>
        <translation>Article text</translation>
    </message>
</context>
<context>
    <name>Clipping</name>
    <message>
        <location filename="../../src/paper_reader/ui/tools/clip_tools.py" line="+45"/>
        <source>先打开一篇文章。</source>
        <translation>Open an article first.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>这一版是从文字导入的，没有版面图，不能剪报。</source>
        <translation>This page was imported as text: it has no page image to clip from.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+46"/>
        <source>这篇文章在版面图上没有标出位置，不能剪报。</source>
        <translation>This article has no marked place on the page image, so it cannot be clipped.</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>把这篇文章从版面图上剪下，连同引用保存为图片或 PDF</source>
        <translation>Cut this article out of the page image and save it with its reference as an image or PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>把这篇文章从版面图上剪下，连同引用打印出来</source>
        <translation>Cut this article out of the page image and print it with its reference</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>这篇文章太大，无法剪报：即使降到 {dpi} dpi 也要 {mpx} 百万像素（上限 {limit} 百万像素）。</source>
        <translation>This article is too large to clip: even at {dpi} dpi it would take {mpx} megapixels (the limit is {limit}).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>这篇文章在版面图上分成 {count} 块，超过剪报的上限 {limit} 块，无法剪报。</source>
        <translation>This article stands in {count} pieces on the page image, more than a clipping takes ({limit}), so it cannot be clipped.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>剪报很大，已按 {dpi} dpi 制作。</source>
        <translation>The clipping is large: it was made at {dpi} dpi.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>剪报不含{pages}：没有版面图。</source>
        <translation>The clipping leaves out {pages}: no page image.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>剪报</source>
        <translation>Clipping</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>剪报已保存：</source>
        <translation>Clipping saved: </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>PNG 图片 (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>保存剪报</source>
        <translation>Save Clipping</translation>
    </message>
    <message>
        <location filename="../../src/paper_reader/ui/tools/clipping.py" line="+76"/>
        <source>{page}的版面 PDF 不在书库中，无法剪报。</source>
        <translation>The PDF of {page} is not in the library, so it cannot be clipped.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{page}的版面 PDF 已损坏，无法剪报（{why}）。</source>
        <translation>The PDF of {page} is damaged, so it cannot be clipped ({why}).</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+82"/>
        <source>内存不足，无法生成剪报。</source>
        <translation>Not enough memory to make the clipping.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>无法生成 PNG 图片。</source>
        <translation>Could not make the PNG image.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>无法生成 PDF。</source>
        <translation>Could not make the PDF.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>无法保存“{path}”：{why}</source>
        <translation>Could not save “{path}”: {why}</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../src/paper_reader/ui/system/crash_dialog.py" line="+32"/>
        <source>书库文件已损坏</source>
        <translation>The Library File Is Damaged</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>出错了</source>
        <translation>Something Went Wrong</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>可以把它改名保存在原处（不会删除），下次启动时新建一个空书库；在此之前仍可阅读能读出的内容。</source>
        <translation>It can be renamed where it is (never deleted), and a new, empty library started the next time; until then you can read what can still be read.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>很抱歉，出了一个意外的错误。窗口仍可继续使用；如果再次出现，请把详情发给开发者。</source>
        <translation>Sorry, something unexpected went wrong. You can go on using the window; if it happens again, please send the details to the developers.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>详情已写入 %1</source>
        <translation>The details were written to %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>复制详情</source>
        <translation>Copy Details</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>改名保存</source>
        <translation>Set Aside</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>已复制</source>
        <translation>Copied</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>此后又出错 %1 次。</source>
        <translation>It happened %1 more times since.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>已改名保存为 %1。重新启动 paper-reader 后会新建一个书库。</source>
        <translation>Renamed to %1. Start paper-reader again and it will make a new library.</translation>
    </message>
</context>
<context>
    <name>Importer</name>
    <message>
        <location filename="../../src/paper_reader/ui/tools/importing.py" line="+49"/>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>正在读取第 %1 / %2 个文件…</source>
        <translation>Reading file %1 of %2…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>正在读取 %1：第 %2 / %3 页…</source>
        <translation>Reading %1: page %2 of %3…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>导入已取消，书库保持原样。</source>
        <translation>Import cancelled; the library is unchanged.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>导入失败，书库保持原样：</source>
        <translation>The import failed; the library is as it was:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导入完成：新增 %1 版，更新 %2 版，未变 %3 版。</source>
        <translation>Import finished. Pages added: %1, updated: %2, unchanged: %3.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>以下各版已导入，但日期有出入，请核对：</source>
        <translation>These pages were imported, but their dates disagree; please check:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>以下文件未能导入：</source>
        <translation>These files could not be imported:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1：换成了从 PDF 导入的版面，现在有版面图。</source>
        <translation>%1: replaced by the pages imported from their PDF, now with their page images.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1：保留从 PDF 导入的版面，这次导入的文字没有新内容。</source>
        <translation>%1: kept as imported from the PDF; the text imported now adds nothing.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 %2 第%3版</source>
        <translation>%1 %2 page %3</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 %2：这份文字不必导入，这一版取自它的 PDF（%3）。</source>
        <translation>%1 %2: the text was not needed; the page was taken from its PDF (%3).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 个部首码位已读作它们所代表的汉字（%2 版）。</source>
        <translation>%1 radical code points read as the ideographs they stand for (%2 pages).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 个私用区字符按原样保留，可能显示不出，见：%2</source>
        <translation>%1 private-use characters kept as printed; they may not display. See: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 个字符在 PDF 的字体里没有 Unicode 值，可能读错，请核对：%2</source>
        <translation>%1 characters have no Unicode value in the PDF&apos;s fonts and may read wrongly. Please check: %2</translation>
    </message>
    <message>
        <location line="-39"/>
        <location line="+4"/>
        <location line="+19"/>
        <location line="+13"/>
        <location line="+14"/>
        <source>……另有 %1 个</source>
        <translation>…and %1 more</translation>
    </message>
</context>
<context>
    <name>InfoBar</name>
    <message>
        <location filename="../../src/paper_reader/ui/shell/main_window.py" line="+55"/>
        <source>关闭提示</source>
        <translation>Close message</translation>
    </message>
</context>
<context>
    <name>Kiosk</name>
    <message>
        <location filename="../../src/paper_reader/kiosk/window.py" line="+43"/>
        <source>还在阅读吗？</source>
        <translation>Still reading?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>继续阅读</source>
        <translation>Keep reading</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 秒后回到最新一期的头版。</source>
        <translation>Back to the front page of the latest issue in %1 s.</translation>
    </message>
    <message>
        <location filename="../../src/paper_reader/ui/shell/actions.py" line="+322"/>
        <source>后退</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>前进</source>
        <translation>Forward</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>上一期</source>
        <translation>Prev. issue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>上一版</source>
        <translation>Prev. page</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>下一版</source>
        <translation>Next page</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>下一期</source>
        <translation>Next issue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>往期</source>
        <translation>Archive</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>文字</source>
        <translation>Script</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>剪报</source>
        <translation>Clip</translation>
    </message>
    <message>
        <location filename="../../src/paper_reader/kiosk/window.py" line="+42"/>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>关闭搜索</source>
        <translation>Close search</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>清除搜索词</source>
        <translation>Clear the search words</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/paper_reader/ui/tools/clip_tools.py" line="+15"/>
        <location filename="../../src/paper_reader/ui/tools/print_tools.py" line="+72"/>
        <source>打印机现在不可用，请联系工作人员。</source>
        <translation>The printer is not available right now; please ask the staff.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location filename="../../src/paper_reader/ui/tools/print_tools.py" line="+10"/>
        <source>已送往打印机。</source>
        <translation>Sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../src/paper_reader/kiosk/pin_dialog.py" line="+40"/>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+79"/>
        <source>请输入管理员密码。</source>
        <translation>Enter the administrator PIN.</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>管理员密码</source>
        <translation>Administrator PIN</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>删除一位</source>
        <translation>Delete a digit</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>返回阅读</source>
        <translation>Back to reading</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>关闭这个窗口，读者可以继续使用</source>
        <translation>Close this window; patrons can go on reading</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>退出阅读程序</source>
        <translation>Quit the reader</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>已解锁。退出阅读程序后，系统服务会在几秒后重新启动它，屏幕回到最新一期的头版。
要停下来维护这台电脑，请在终端运行：sudo systemctl stop paper-reader-kiosk</source>
        <translation>Unlocked. After you quit the reader, the system service starts it again within a few seconds, on the newest front page.
To stop it for maintenance, run in a terminal: sudo systemctl stop paper-reader-kiosk</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已解锁。退出阅读程序后，这台电脑回到桌面。</source>
        <translation>Unlocked. After you quit the reader, the computer returns to the desktop.</translation>
    </message>
    <message>
        <location line="-90"/>
        <source>这台电脑没有设置管理员密码。请在终端运行 paper-reader kiosk set-pin 设置。</source>
        <translation>No administrator PIN is set on this computer. Set one in a terminal with paper-reader kiosk set-pin.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>密码不对。</source>
        <translation>Wrong PIN.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>密码错误次数过多，请在 %1 秒后再试。</source>
        <translation>Too many wrong PINs: try again in %1 s.</translation>
    </message>
    <message>
        <location filename="../../src/paper_reader/kiosk/reset.py" line="+96"/>
        <source>书库里还没有报纸。</source>
        <translation>There are no newspapers in the library yet.</translation>
    </message>
    <message>
        <location filename="../../src/paper_reader/kiosk/unavailable.py" line="+82"/>
        <location line="+27"/>
        <source>报纸暂时无法显示</source>
        <translation>The newspapers cannot be shown right now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>请告诉图书馆工作人员。</source>
        <translation>Please tell the library staff.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>给工作人员：请在工作站上检查这个书库文件，关闭写它的程序后，再把它复制到这台电脑（见阅览室电脑指南第 4 节）。文件可以读了，这里会在几秒内自动打开报纸，不用重新启动。
管理员要退出：按 Ctrl+Alt+Shift+P，或按住屏幕右上角三秒，再输入密码。</source>
        <translation>For the staff: check this library file on the staff workstation, close the program that writes it, then copy it to this computer again (see section 4 of the reading-room guide). As soon as the file can be read, the newspapers open here by themselves within seconds; no restart is needed.
To leave, an administrator presses Ctrl+Alt+Shift+P or holds the top-right corner of the screen for three seconds, then enters the PIN.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>书库文件：%1</source>
        <translation>Library file: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/paper_reader/ui/shell/actions.py" line="-239"/>
        <source>导入文件(&amp;F)…</source>
        <translation>Import &amp;Files…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>导入文件夹(&amp;D)…</source>
        <translation>Import Fol&amp;der…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>后退(&amp;B)</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>前进(&amp;F)</source>
        <translation>&amp;Forward</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>上一版(&amp;P)</source>
        <translation>&amp;Previous Page</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>下一版(&amp;N)</source>
        <translation>&amp;Next Page</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>上一期(&amp;R)</source>
        <translation>P&amp;revious Issue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>下一期(&amp;X)</source>
        <translation>Ne&amp;xt Issue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>版面概览(&amp;O)</source>
        <translation>Page &amp;Overview</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>文章(&amp;A)</source>
        <translation>&amp;Article</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>连续阅读全文(&amp;W)</source>
        <translation>Read &amp;Whole Article</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>全角标点(&amp;P)</source>
        <translation>Full-Width &amp;Punctuation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>浅色(&amp;L)</source>
        <translation>&amp;Light</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>深色(&amp;K)</source>
        <translation>&amp;Dark</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>跟随系统(&amp;S)</source>
        <translation>Follow &amp;System</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>按原样(&amp;O)</source>
        <translation>As &amp;Printed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>简体(&amp;J)</source>
        <translation>&amp;Simplified</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>繁體(&amp;F)</source>
        <translation>&amp;Traditional</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>繁體（台灣）(&amp;T)</source>
        <translation>Traditional (Tai&amp;wan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>繁體（香港）(&amp;H)</source>
        <translation>Traditional (&amp;Hong Kong)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>放大文字(&amp;I)</source>
        <translation>&amp;Bigger Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>缩小文字(&amp;D)</source>
        <translation>S&amp;maller Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>默认大小(&amp;Z)</source>
        <translation>&amp;Default Size</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>放大版面图(&amp;I)</source>
        <translation>Zoom &amp;In on the Page</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>缩小版面图(&amp;O)</source>
        <translation>Zoom &amp;Out of the Page</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>适合宽度(&amp;W)</source>
        <translation>Fit &amp;Width</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>适合整版(&amp;G)</source>
        <translation>Fit Whole &amp;Page</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>深色主题下调暗版面图(&amp;M)</source>
        <translation>Di&amp;m the Page Image in the Dark Theme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>搜索全部报纸(&amp;S)…</source>
        <translation>&amp;Search All Newspapers…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>在本文中查找(&amp;A)…</source>
        <translation>Find in &amp;Article…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>下一处(&amp;N)</source>
        <translation>Find &amp;Next</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>上一处(&amp;P)</source>
        <translation>Find &amp;Previous</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>往期(&amp;H)…</source>
        <translation>&amp;Archive…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>复制引用（GB/T 7714）(&amp;C)</source>
        <translation>&amp;Copy Citation (GB/T 7714)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>复制出处(&amp;L)</source>
        <translation>Copy Sou&amp;rce</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>引用采用显示的文字(&amp;D)</source>
        <translation>Cite in the &amp;Display Script</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>剪报(&amp;J)…</source>
        <translation>C&amp;lip Article…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>打印文章(&amp;P)…</source>
        <translation>&amp;Print Article…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>导出为 PDF(&amp;E)…</source>
        <translation>&amp;Export as PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>删除此版(&amp;R)…</source>
        <translation>Remove This Pa&amp;ge…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>删除本期(&amp;I)…</source>
        <translation>Remove This &amp;Issue…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>删除此报(&amp;D)…</source>
        <translation>R&amp;emove This Paper…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>关于 paper-reader(&amp;A)</source>
        <translation>&amp;About paper-reader</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>把转版的文章各部分连起来，按顺序读完</source>
        <translation>Join the parts of an article continued on other pages and read them in order</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>中文里的半角标点（, ? : ( )）显示为全角；原文和搜索不变</source>
        <translation>Show half-width punctuation (, ? : ( )) in Chinese text as full-width; the stored text and search are unchanged</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>不勾选时，复制的引用保留报纸印刷的文字；勾选后按“文字”菜单所选的转换</source>
        <translation>Unchecked, a copied citation keeps the script the paper was printed in; checked, it is converted as chosen in the Script menu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>不勾选时，版面图在深色主题下也保持纸张原色</source>
        <translation>When unchecked, the page image keeps its paper colours in the dark theme too</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../src/paper_reader/ui/tools/search_tools.py" line="+50"/>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>转到(&amp;G)</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>查看(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>文字(&amp;S)</source>
        <translation>&amp;Script</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>字号(&amp;Z)</source>
        <translation>Text Si&amp;ze</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>主题(&amp;T)</source>
        <translation>&amp;Theme</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>版面图(&amp;P)</source>
        <translation>Page &amp;Image</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>界面语言(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+19"/>
        <source>导航</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <location filename="../../src/paper_reader/ui/reading/presenter.py" line="+149"/>
        <location filename="../../src/paper_reader/ui/shell/main_window.py" line="+24"/>
        <source>报纸阅读器</source>
        <translation>Newspaper Reader</translation>
    </message>
    <message>
        <location filename="../../src/paper_reader/ui/shell/main_window.py" line="+18"/>
        <source>版面列表</source>
        <translation>Page list</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>文章列表</source>
        <translation>Article list</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+60"/>
        <source>版面</source>
        <translation>Page</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>文章</source>
        <translation>Article</translation>
    </message>
    <message>
        <location filename="../../src/paper_reader/ui/reading/presenter.py" line="+19"/>
        <source>总第%1期</source>
        <translation>No. %1</translation>
    </message>
    <message>
        <location filename="../../src/paper_reader/ui/shell/startup.py" line="+195"/>
        <source>这个书库只能阅读：它的文件或所在的文件夹不可写入（例如在光盘或只读的磁盘上），所以不能导入。</source>
        <translation>This library can only be read: its file or its folder cannot be written (on a CD or a read-only disk, for example), so nothing can be imported into it.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>没有找到中文字体，汉字可能显示为方框。请安装 Noto CJK 字体（Debian/Ubuntu：fonts-noto-cjk）。</source>
        <translation>No Chinese font was found, so Chinese characters may show as boxes. Please install the Noto CJK fonts (Debian/Ubuntu: fonts-noto-cjk).</translation>
    </message>
    <message>
        <location filename="../../src/paper_reader/ui/tools/look_tools.py" line="+63"/>
        <source>界面语言已更改，重新启动 paper-reader 后生效。</source>
        <translation>The interface language has been changed; it takes effect when paper-reader is restarted.</translation>
    </message>
    <message>
        <location filename="../../src/paper_reader/ui/tools/citation.py" line="+29"/>
        <source>先打开一篇文章。</source>
        <translation>Open an article first.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>已复制：</source>
        <translation>Copied: </translation>
    </message>
    <message>
        <location filename="../../src/paper_reader/ui/tools/print_tools.py" line="+17"/>
        <source>导出为 PDF</source>
        <translation>Export as PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>已导出：</source>
        <translation>Exported: </translation>
    </message>
    <message>
        <location filename="../../src/paper_reader/ui/shell/wiring.py" line="+10"/>
        <source>关于 paper-reader</source>
        <translation>About paper-reader</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>版面文件 (%1);;所有文件 (*)</source>
        <translation>Page files (%1);;All files (*)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>导入版面文件</source>
        <translation>Import Page Files</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>导入一期报纸的文件夹</source>
        <translation>Import the Folder of an Issue</translation>
    </message>
    <message>
        <location filename="../../src/paper_reader/app.py" line="+164"/>
        <source>书库是空的：用“文件 → 导入”或把版面文本拖到窗口里。</source>
        <translation>The library is empty: use File → Import, or drag page text files onto the window.</translation>
    </message>
</context>
<context>
    <name>PageImageView</name>
    <message>
        <location filename="../../src/paper_reader/ui/views/page_image.py" line="+65"/>
        <source>版面图</source>
        <translation>Page image</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>这一版的 PDF 不在书库中，无法显示版面图。</source>
        <translation>This page&apos;s PDF is not in the library: the page image cannot be shown.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>这一版的 PDF 已损坏，无法显示版面图：%1</source>
        <translation>This page&apos;s PDF is damaged, the page image cannot be shown: %1</translation>
    </message>
    <message>
        <location filename="../../src/paper_reader/ui/views/page_image_input.py" line="+71"/>
        <source>（无题）</source>
        <translation>(Untitled)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>转到%1</source>
        <translation>Go to %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>回到%1</source>
        <translation>Back to %1</translation>
    </message>
</context>
<context>
    <name>PageListModel</name>
    <message>
        <location filename="../../src/paper_reader/ui/views/models.py" line="-62"/>
        <source>未收录</source>
        <translation>missing</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>本版未收录，导入后即可阅读</source>
        <translation>This page is not in the library; import it to read it here.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n 篇文章</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>（未收录）</source>
        <translation> (not in the library)</translation>
    </message>
</context>
<context>
    <name>PageOverview</name>
    <message>
        <location filename="../../src/paper_reader/ui/views/page_overview.py" line="+34"/>
        <source>版面概览</source>
        <translation>Page overview</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>%1未收录。导入这一版的文本后，即可在此阅读，指向它的“下转/上接”也会自动接上。</source>
        <translation>%1 is not in the library. Import the text of this page to read it here; the “continued on/from” links to it will then connect by themselves.</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../src/paper_reader/ui/tools/clipping.py" line="-41"/>
        <location filename="../../src/paper_reader/ui/tools/printing.py" line="+103"/>
        <source>无法开始打印：打印机或输出文件不可用。</source>
        <translation>Cannot start printing: the printer or the output file is not available.</translation>
    </message>
    <message>
        <location filename="../../src/paper_reader/ui/tools/printing.py" line="+7"/>
        <source>打印中断：无法开始新的一页。</source>
        <translation>Printing stopped: could not start a new page.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>第 {number} / {total} 页</source>
        <translation>Page {number} of {total}</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>无法保存“{path}”：文件夹“{folder}”不存在。</source>
        <translation>Cannot save “{path}”: the folder “{folder}” does not exist.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>无法保存“{path}”：这是一个文件夹。</source>
        <translation>Cannot save “{path}”: it is a folder.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>无法保存“{path}”：没有写入文件夹“{folder}”的权限。</source>
        <translation>Cannot save “{path}”: no permission to write to the folder “{folder}”.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>无法保存“{path}”：PDF 没有写出。</source>
        <translation>Cannot save “{path}”: the PDF was not written.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>打印文章</source>
        <translation>Print Article</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>打印失败</source>
        <translation>Printing Failed</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <location filename="../../src/paper_reader/ui/problem_text.py" line="+24"/>
        <source>{file}：{size} MB，超出了一版报纸的大小（上限 {limit} MB）</source>
        <translation>{file}: {size} MB is too large for a newspaper page (limit {limit} MB)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}：这是二进制文件，不是一版报纸的文字</source>
        <translation>{file}: this is a binary file, not the text of a page</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}：文字既不是 UTF-8，也不是 GB18030/GBK（第 {offset} 字节无法解码）</source>
        <translation>{file}: the text is neither UTF-8 nor GB18030/GBK (undecodable byte at offset {offset})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{file}：文件标明是 {encoding} 编码，但第 {offset} 字节不符合</source>
        <translation>{file}: the file declares {encoding} but byte {offset} is not valid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}：文件是空的</source>
        <translation>{file}: the file is empty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}：没有这个文件或文件夹</source>
        <translation>{file}: no such file or folder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}：无法读取（{reason}）</source>
        <translation>{file}: cannot be read ({reason})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}：无法读取（没有读取权限）</source>
        <translation>{file}: cannot be read ({reason})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}：无法读取（符号链接绕成了一个圈）</source>
        <translation>{file}: cannot be read (a symbolic link loop)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}：无法读取（这是指向 {target} 的符号链接，那里没有文件）</source>
        <translation>{file}: cannot be read (a symbolic link to {target}, which does not exist)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{file}：无法读取（这是符号链接，它指向的文件不存在）</source>
        <translation>{file}: cannot be read (a symbolic link to a file that does not exist)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}：无法读取（不是普通文件）</source>
        <translation>{file}: cannot be read (not a regular file)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}：文件夹里没有版面文件（{kinds}）</source>
        <translation>{file}: the folder holds no page files ({kinds})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}：{size}，超出了一版 PDF 的大小（上限 {limit}）</source>
        <translation>{file}: {size} is too large for a page PDF (limit {limit})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}：这不是 PDF 文件（开头没有 %PDF-）</source>
        <translation>{file}: this is not a PDF file (it does not begin with %PDF-)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}：PDF 文件不完整（结尾没有 %%EOF），可能没有下载或复制完</source>
        <translation>{file}: the PDF is truncated (it does not end with %%EOF)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{file}：PDF 已加密，需要密码才能打开</source>
        <translation>{file}: the PDF is encrypted: it needs a password to open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}：PDF 用了无法打开的加密方式</source>
        <translation>{file}: the PDF is encrypted with a security scheme that cannot be opened</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}：PDF 已损坏，无法读取</source>
        <translation>{file}: the PDF is damaged and cannot be read</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}：PDF 无法读取（{reason}）</source>
        <translation>{file}: the PDF cannot be read ({reason})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}：PDF 里没有页面</source>
        <translation>{file}: the PDF has no pages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}：PDF 有 {pages} 页，超出了一期报纸的版数（上限 {limit}）</source>
        <translation>{file}: the PDF has {pages} pages, more than an issue can have (limit {limit})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{file}：{where}已损坏，无法读取</source>
        <translation>{file}: {where} is damaged and cannot be read</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}：{where}已损坏，读不出文字</source>
        <translation>{file}: {where} is damaged: its text cannot be read</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}：{where}没有可读的文字（是扫描的图像，没有文字层）</source>
        <translation>{file}: {where} has no text to read (it is a scanned image, without a text layer)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}：{where}有 {count} 个字符，超出了一版报纸的容量（上限 {limit}）</source>
        <translation>{file}: {where} has {count} characters, more than a newspaper page can hold (limit {limit})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{file}：无法解析（{error}）</source>
        <translation>{file}: cannot be parsed ({error})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{files}：同一期里有两个“{label}”，只保留了后一个（来自 {later}）</source>
        <translation>{files}: two pages of one issue are both {label}; only the later one (from {later}) was kept</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{files}：看不出是哪份报纸、哪一天（没有报头，也没有版头）；请与这一期的头版一起导入</source>
        <translation>{files}: says neither its paper nor its date (no masthead or running header); give it together with its issue&apos;s front page</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{files}：无法存入书库（{reason}），其余文件已导入</source>
        <translation>{files}: cannot be stored ({reason}); the other files were imported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>版头上有两个日期：{date} 和 {other}；已归入 {date}</source>
        <translation>its header gives two dates, {date} and {other}; filed under {date}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>版头上的日期是 {date}，文件名 {name} 说是 {named}；已归入 {date}</source>
        <translation>its header says {date}, the name {name} says {named}; filed under {date}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{file}：书库正忙（另一个 paper-reader 正在写入），请稍后再试</source>
        <translation>{file}: the library is busy (another paper-reader is writing to it); try again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}：磁盘已满，书库没有任何改动</source>
        <translation>{file}: the disk is full; nothing was changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}：书库无法写入（文件或它所在的文件夹是只读的），没有任何改动</source>
        <translation>{file}: the library cannot be written (the file or its folder is read-only); nothing was changed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{file}：无法打开书库（{reason}）；请检查它所在的文件夹存在并且可以写入</source>
        <translation>{file}: the library cannot be opened ({reason}); check that its folder exists and may be written</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{file}：书库读写出错（{reason}），没有任何改动</source>
        <translation>{file}: the library could not be read or written ({reason}); nothing was changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}：内存不足，没有任何改动</source>
        <translation>{file}: out of memory; nothing was changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}：书库文件已损坏（{reason}）</source>
        <translation>{file}: the library file is damaged ({reason})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}：无法打开书库（{reason}）</source>
        <translation>{file}: the library cannot be opened ({reason})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}：这是{what}，不是书库文件；请给出书库文件的路径</source>
        <translation>{file}: this is {what}, not a library file; give the path of a library file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{file}：这不是普通文件，不是书库文件</source>
        <translation>{file}: this is not a regular file, not a library file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}：这不是 paper-reader 的书库（已损坏，或是别的文件）</source>
        <translation>{file}: this is not a paper-reader library (damaged or another kind of file)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{file}：这个 SQLite 文件不是 paper-reader 的书库</source>
        <translation>{file}: this SQLite file is not a paper-reader library</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}：书库文件不完整（只有 {size} 字节，应有 {total} 字节），可能是复制时中断了</source>
        <translation>{file}: the library file is cut short ({size} of {total} bytes); it was damaged, perhaps by an interrupted copy</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{file}：这里没有书库（只读打开时不会新建书库）</source>
        <translation>{file}: no library here (a library opened read-only is never created)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}：这个文件里还没有书库（文件是空的）</source>
        <translation>{file}: this file holds no library yet (it is empty)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}：这个书库由更新版本的 paper-reader 写成（格式 {version}，本版本最多读到 {supported}）；请更新 paper-reader 后再打开</source>
        <translation>{file}: this library was written by a newer paper-reader (format {version}, this version reads up to {supported}); update paper-reader to open it</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{file}：没有打开：书库的结构不是 paper-reader 建的（{difference}），已被别的程序改动，所以原样保留</source>
        <translation>{file}: not opened: the library&apos;s structure is not the one paper-reader made ({difference}); another program changed it, so it is left as it is</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{file}：这份副本不完整：书库最新的内容在它的 -wal 文件里，而那个文件没有复制过来或在这里读不到；请在工作人员的电脑上用 `paper-reader library publish DEST` 复制（或在那里用 paper-reader 打开一次后再复制）</source>
        <translation>{file}: this copy is incomplete: the library&apos;s latest contents are in its -wal file, which was not copied or cannot be read here; copy it with `paper-reader library publish DEST` on the staff machine (or open it there once in paper-reader and copy it again)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{file}：书库是以只读方式打开的</source>
        <translation>{file}: the library is open read-only</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}：无法改名（{reason}），请手动把它移走</source>
        <translation>{file}: could not be renamed ({reason}); move it away by hand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>书库里没有名为“{paper}”的报纸</source>
        <translation>no paper named {paper} in the library</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>书库里没有{paper} {date} 这一期</source>
        <translation>{paper} has no issue dated {date} in the library</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>书库里没有{paper} {date} 的第 {page} 版</source>
        <translation>{paper} {date} has no page {page} in the library</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>文件夹</source>
        <translation>a folder</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>命名管道</source>
        <translation>a named pipe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>套接字</source>
        <translation>a socket</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>设备</source>
        <translation>a device</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>特殊文件</source>
        <translation>not a regular file</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>第 %1 页</source>
        <translation>page %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>这一页</source>
        <translation>the page</translation>
    </message>
</context>
<context>
    <name>Reader</name>
    <message>
        <location filename="../../src/paper_reader/ui/reading/reader.py" line="+189"/>
        <source>%1未收录：这一版不在书库中。导入%1的文本后，这个链接会自动接上。</source>
        <translation>%1 is not in the library. Once the text of %1 is imported, this link will connect by itself.</translation>
    </message>
</context>
<context>
    <name>Removal</name>
    <message>
        <location filename="../../src/paper_reader/ui/tools/removal.py" line="+77"/>
        <location line="+4"/>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>要恢复，需重新导入它的文本。此操作不能撤销。</source>
        <translation>This cannot be undone; to get it back, import its text again.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>正在导入；导入完成后再删除。</source>
        <translation>An import is running; remove once it has finished.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>未能删除，书库保持原样：</source>
        <translation>Nothing was removed; the library is as it was:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>已删除：</source>
        <translation>Removed: </translation>
    </message>
    <message>
        <location line="+26"/>
        <source>从书库中删除 %1 %2 的%3（%4 篇文章）？</source>
        <translation>Remove %1 %2, %3 (%4 articles), from the library?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>从书库中删除 %1 %2 这一期（%3 版，%4 篇文章）？</source>
        <translation>Remove the issue %1 %2 (%3 pages, %4 articles) from the library?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>从书库中删除 %1 的全部 %2 期（%3 版，%4 篇文章）？</source>
        <translation>Remove all %2 issues of %1 (%3 pages, %4 articles) from the library?</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../src/paper_reader/ui/tools/search_panel.py" line="+266"/>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>搜索全部报纸（简繁皆可）</source>
        <translation>Search all newspapers (simplified or traditional)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>搜索词</source>
        <translation>Search terms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>只在本文中查找</source>
        <translation>Only in this article</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>报纸</source>
        <translation>Newspaper</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>日期</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>搜索结果</source>
        <translation>Search results</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>全部报纸</source>
        <translation>All newspapers</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>正在搜索…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>没有找到</source>
        <translation>Nothing found</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>找到 %n 篇</source>
        <translation>
            <numerusform>Found %n article</numerusform>
            <numerusform>Found %n articles</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>（只列出最新的 100 篇）</source>
        <translation> (only the newest 100 are listed)</translation>
    </message>
</context>
<context>
    <name>SearchResultModel</name>
    <message>
        <location line="-314"/>
        <source>（无题）</source>
        <translation>(Untitled)</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../src/paper_reader/ui/shell/startup.py" line="-75"/>
        <source>书库文件已损坏</source>
        <translation>The library file is damaged</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>可以把它改名保存在原处（不会删除），然后新建一个空书库。</source>
        <translation>It can be kept where it is under a new name (nothing is deleted), and a new, empty library started.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>改名保存并新建</source>
        <translation>Rename It and Start a New One</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+6"/>
        <source>无法打开书库</source>
        <translation>Cannot Open the Library</translation>
    </message>
</context>
</TS>
