"""What sqlite_master holds in a library file of the current format, row for row, as
this version's migrations make it (written out by tests/core/test_library_schema_rows.py,
which checks it): a file that holds exactly these is checked without making the schema
in memory (see connection)."""

VERSION = 3

ROWS = frozenset({
    ('index', 'article_text_date', 'article_text',
     'CREATE INDEX article_text_date ON article_text(date DESC, page, article_id)'),
    ('index', 'articles_page', 'articles',
     'CREATE INDEX articles_page ON articles(page_id, position)'),
    ('index', 'continuations_to', 'continuations',
     'CREATE INDEX continuations_to ON continuations(to_article)'),
    ('index', 'issues_date', 'issues',
     'CREATE INDEX issues_date ON issues(date)'),
    ('index', 'pages_pdf', 'pages',
     'CREATE INDEX pages_pdf ON pages(pdf_digest)'),
    ('index', 'sqlite_autoindex_articles_1', 'articles',
     None),
    ('index', 'sqlite_autoindex_issues_1', 'issues',
     None),
    ('index', 'sqlite_autoindex_page_pdfs_1', 'page_pdfs',
     None),
    ('index', 'sqlite_autoindex_pages_1', 'pages',
     None),
    ('index', 'sqlite_autoindex_papers_1', 'papers',
     None),
    ('table', 'article_chars', 'article_chars',
     "CREATE VIRTUAL TABLE article_chars USING fts5(chars, content='', "
     "tokenize='unicode61', detail=none)"),
    ('table', 'article_chars_config', 'article_chars_config',
     "CREATE TABLE 'article_chars_config'(k PRIMARY KEY, v) WITHOUT ROWID"),
    ('table', 'article_chars_data', 'article_chars_data',
     "CREATE TABLE 'article_chars_data'(id INTEGER PRIMARY KEY, block BLOB)"),
    ('table', 'article_chars_docsize', 'article_chars_docsize',
     "CREATE TABLE 'article_chars_docsize'(id INTEGER PRIMARY KEY, sz BLOB)"),
    ('table', 'article_chars_idx', 'article_chars_idx',
     "CREATE TABLE 'article_chars_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) "
     'WITHOUT ROWID'),
    ('table', 'article_fts', 'article_fts',
     'CREATE VIRTUAL TABLE article_fts USING fts5(\n'
     "            title, byline, body, content='article_text', "
     "content_rowid='article_id',\n"
     "            tokenize='trigram', detail=none)"),
    ('table', 'article_fts_config', 'article_fts_config',
     "CREATE TABLE 'article_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID"),
    ('table', 'article_fts_data', 'article_fts_data',
     "CREATE TABLE 'article_fts_data'(id INTEGER PRIMARY KEY, block BLOB)"),
    ('table', 'article_fts_docsize', 'article_fts_docsize',
     "CREATE TABLE 'article_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB)"),
    ('table', 'article_fts_idx', 'article_fts_idx',
     "CREATE TABLE 'article_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) "
     'WITHOUT ROWID'),
    ('table', 'article_text', 'article_text',
     'CREATE TABLE article_text(\n'
     '            article_id INTEGER PRIMARY KEY REFERENCES articles(id),\n'
     '            paper_id INTEGER NOT NULL,\n'
     '            date TEXT NOT NULL,\n'
     '            page INTEGER NOT NULL,\n'
     '            title TEXT NOT NULL,\n'
     '            byline TEXT NOT NULL,\n'
     '            body TEXT NOT NULL)'),
    ('table', 'articles', 'articles',
     'CREATE TABLE articles(\n'
     '            id INTEGER PRIMARY KEY,\n'
     '            page_id INTEGER NOT NULL REFERENCES pages(id),\n'
     '            position INTEGER NOT NULL,\n'
     "            title TEXT NOT NULL DEFAULT '',\n"
     '            kicker TEXT,\n'
     '            subtitle TEXT,\n'
     '            column_label TEXT,\n'
     '            byline TEXT,\n'
     "            authors TEXT NOT NULL DEFAULT '[]',\n"
     "            kind TEXT NOT NULL DEFAULT 'news',\n"
     "            paragraphs TEXT NOT NULL DEFAULT '[]',\n"
     "            captions TEXT NOT NULL DEFAULT '[]',\n"
     "            signature TEXT NOT NULL DEFAULT '[]',\n"
     '            continues_to_page INTEGER,\n'
     "            continued_from_page INTEGER, regions TEXT NOT NULL DEFAULT '[]',\n"
     '            UNIQUE(page_id, position))'),
    ('table', 'continuations', 'continuations',
     'CREATE TABLE continuations(\n'
     '            from_article INTEGER PRIMARY KEY REFERENCES articles(id),\n'
     '            to_article INTEGER NOT NULL REFERENCES articles(id))'),
    ('table', 'issues', 'issues',
     'CREATE TABLE issues(\n'
     '            id INTEGER PRIMARY KEY,\n'
     '            paper_id INTEGER NOT NULL REFERENCES papers(id),\n'
     '            date TEXT NOT NULL,\n'
     '            serial INTEGER,\n'
     '            page_count INTEGER,\n'
     "            masthead TEXT NOT NULL DEFAULT '{}',\n"
     '            UNIQUE(paper_id, date))'),
    ('table', 'page_pdfs', 'page_pdfs',
     'CREATE TABLE page_pdfs(\n'
     '            digest TEXT PRIMARY KEY,\n'
     '            size INTEGER NOT NULL,\n'
     '            data BLOB NOT NULL)'),
    ('table', 'pages', 'pages',
     'CREATE TABLE pages(\n'
     '            id INTEGER PRIMARY KEY,\n'
     '            issue_id INTEGER NOT NULL REFERENCES issues(id),\n'
     '            number INTEGER NOT NULL,\n'
     '            label TEXT NOT NULL,\n'
     '            section TEXT,\n'
     "            header TEXT NOT NULL DEFAULT '[]',\n"
     "            unplaced TEXT NOT NULL DEFAULT '[]',\n"
     '            source_hash TEXT NOT NULL,\n'
     '            imported_at TEXT, width REAL, height REAL, pdf_digest TEXT '
     'REFERENCES page_pdfs(digest), pdf_index INTEGER,\n'
     '            UNIQUE(issue_id, number))'),
    ('table', 'papers', 'papers',
     'CREATE TABLE papers(\n'
     '            id INTEGER PRIMARY KEY,\n'
     '            name TEXT NOT NULL UNIQUE,\n'
     '            pinyin TEXT)'),
    ('trigger', 'article_text_ad', 'article_text',
     'CREATE TRIGGER article_text_ad AFTER DELETE ON article_text BEGIN\n'
     '            INSERT INTO article_fts(article_fts, rowid, title, byline, body)\n'
     "            VALUES ('delete', old.article_id, old.title, old.byline, old.body);\n"
     '            INSERT INTO article_chars(article_chars, rowid, chars)\n'
     "            VALUES ('delete', old.article_id,\n"
     "                    chars_and_pairs(old.title || ' ' || old.byline || ' ' || "
     'old.body));\n'
     '        END'),
})
