-- Raw layer: what the parsers printed, one row per object of dagster_project/parsing/model.py.
-- Written only by the ingest loader, one transaction per batch; dbt reads it as sources.
CREATE SCHEMA IF NOT EXISTS raw;
CREATE SCHEMA IF NOT EXISTS dq;

-- What the raw folder held at the last discovery: one row per file path.
CREATE TABLE IF NOT EXISTS raw.files (
    source_path   VARCHAR PRIMARY KEY,      -- relative to the raw folder
    document_id   VARCHAR NOT NULL,         -- first 16 hex digits of sha256(file bytes)
    source_format VARCHAR NOT NULL,
    file_size     BIGINT NOT NULL,
    modified_at   TIMESTAMP,
    seen_at       TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS raw.documents (
    document_id      VARCHAR PRIMARY KEY,   -- first 16 hex digits of sha256(file bytes)
    source_path      VARCHAR NOT NULL,      -- path relative to the raw folder
    source_format    VARCHAR NOT NULL,      -- 'text' | 'pdf' | 'xlsx'
    file_size        BIGINT,
    status           VARCHAR NOT NULL,      -- 'parsed' | 'failed' | 'needs_ocr' | 'no_values'
    error            VARCHAR,               -- located reason when not parsed
    encoding         VARCHAR,
    department_name  VARCHAR,               -- full name as printed in the title
    region           VARCHAR,               -- as printed, e.g. '武汉市硚口区'
    fiscal_year      INTEGER,
    unit             VARCHAR,               -- '万元' | '元' as printed
    cells_found      INTEGER,
    cells_certain    INTEGER,
    cells_ambiguous  INTEGER,
    parser_version   VARCHAR,
    file_modified_at TIMESTAMP,
    run_id           VARCHAR,
    loaded_at        TIMESTAMP NOT NULL,
    withdrawn_at     TIMESTAMP              -- set when the file disappeared from the raw folder
);

CREATE TABLE IF NOT EXISTS raw.document_names (
    document_id VARCHAR NOT NULL,
    name        VARCHAR NOT NULL,
    context     VARCHAR NOT NULL,           -- 'title' | 'profile' | 'table_header' | 'narrative' | 'form'
    line_start  INTEGER,
    line_end    INTEGER,
    page        INTEGER,
    loaded_at   TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS raw.document_tables (
    document_id    VARCHAR NOT NULL,
    table_no       INTEGER NOT NULL,
    title          VARCHAR,
    unit           VARCHAR,
    present        BOOLEAN NOT NULL,
    declared_empty BOOLEAN NOT NULL,
    empty_note     VARCHAR,
    line_start     INTEGER,
    line_end       INTEGER,
    page           INTEGER,
    loaded_at      TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS raw.table_cells (
    document_id  VARCHAR NOT NULL,
    table_no     INTEGER NOT NULL,
    section      VARCHAR NOT NULL,
    row_key      VARCHAR NOT NULL,
    row_code     VARCHAR,
    row_label    VARCHAR,
    column_key   VARCHAR,                   -- NULL when ambiguous
    column_label VARCHAR,
    amount       DECIMAL(20, 6),            -- 万元
    printed      VARCHAR,
    certain      BOOLEAN NOT NULL,
    candidates   VARCHAR,                   -- comma-separated column keys when ambiguous
    note         VARCHAR,
    line_start   INTEGER,
    line_end     INTEGER,
    page         INTEGER,
    loaded_at    TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS raw.narrative_facts (
    document_id VARCHAR NOT NULL,
    section     VARCHAR,
    fact_key    VARCHAR NOT NULL,
    subject     VARCHAR NOT NULL,
    value       DECIMAL(18, 4),
    unit        VARCHAR,
    printed     VARCHAR,
    qualifier   VARCHAR,
    sentence    VARCHAR,
    line_start  INTEGER,
    line_end    INTEGER,
    page        INTEGER,
    loaded_at   TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS raw.parse_issues (
    document_id VARCHAR NOT NULL,
    severity    VARCHAR NOT NULL,
    code        VARCHAR NOT NULL,
    message     VARCHAR NOT NULL,
    line_start  INTEGER,
    line_end    INTEGER,
    page        INTEGER,
    loaded_at   TIMESTAMP NOT NULL
);

-- The numbered headings as printed, in document order: part titles (第三部分 …), sections (三、…)
-- and subsections ((三)…); numbered row labels of the tables are not headings.
CREATE TABLE IF NOT EXISTS raw.document_headings (
    document_id VARCHAR NOT NULL,
    heading_no  INTEGER NOT NULL,           -- 1-based position in the document
    level       VARCHAR NOT NULL,           -- 'part' | 'section' | 'subsection'
    number      INTEGER,                    -- the numeral read (第三部分 -> 3, 十一、 -> 11, (二) -> 2); NULL if unread
    text        VARCHAR NOT NULL,           -- as printed, up to its first 。 (a wrapped title joined)
    part        VARCHAR NOT NULL,           -- kind of the enclosing part (docs/raw-tables.md)
    list_no     INTEGER NOT NULL,           -- the numbered list it continues: numbered 1, 2, 3 … within one
    line_start  INTEGER,
    line_end    INTEGER,
    page        INTEGER,
    loaded_at   TIMESTAMP NOT NULL
);

-- Appended by the quality checks on every run (contract: dq.dq_results).
CREATE TABLE IF NOT EXISTS dq.dq_results (
    run_id         VARCHAR NOT NULL,
    document_id    VARCHAR,
    rule_id        VARCHAR NOT NULL,
    severity       VARCHAR NOT NULL,        -- 'error' | 'warn' | 'info'
    passed         BOOLEAN NOT NULL,
    expected_value DOUBLE,
    observed_value DOUBLE,
    difference     DOUBLE,
    message        VARCHAR,
    checked_at     TIMESTAMP NOT NULL
);

-- Runs that completed every step (load, dbt build, checks), with what they were computed from:
-- a run whose raw rows and code are unchanged since the last completed run has nothing to do.
CREATE TABLE IF NOT EXISTS raw.completed_runs (
    run_id           VARCHAR NOT NULL,
    raw_fingerprint  VARCHAR NOT NULL,      -- digest of raw.documents (ids, load times, withdrawals)
    code_fingerprint VARCHAR NOT NULL,      -- digest of the dbt project, the rules and the parser version
    completed_at     TIMESTAMP NOT NULL
);
