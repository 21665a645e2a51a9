{{ incremental_fact_config() }}
-- One row per document: the totals of table 1 and the basic/project split of table 3's total row.
-- A total line the table prints blank (e.g. 年初结转和结余) is 0.
with documents as (
    select * from {{ ref('int_document_departments') }} as documents
    where {{ documents_to_process('documents') }}
),

cells as (
    select document_id, table_no, section, row_key, column_key, amount
    from {{ ref('int_certain_cells') }}
    where table_no = 1 or (table_no = 3 and row_key = 'total')
),

summary as (
    select
        document_id,
        sum(amount) filter (where table_no = 1 and section = 'income' and row_key = 'total_income') as total_income,
        sum(amount) filter (where table_no = 1 and section = 'expenditure' and row_key = 'total_expenditure') as total_expenditure,
        sum(amount) filter (where table_no = 1 and section = 'income' and row_key = 'carryover_begin') as carryover_begin,
        sum(amount) filter (where table_no = 1 and section = 'expenditure' and row_key = 'carryover_end') as carryover_end,
        -- 总计 is printed on both sides (they must agree: a data-quality check); the income side is kept
        coalesce(
            sum(amount) filter (where table_no = 1 and section = 'income' and row_key = 'grand_total'),
            sum(amount) filter (where table_no = 1 and section = 'expenditure' and row_key = 'grand_total')
        ) as grand_total,
        sum(amount) filter (where table_no = 3 and column_key = 'basic') as basic_total,
        sum(amount) filter (where table_no = 3 and column_key = 'project') as project_total,
        sum(amount) filter (where table_no = 3 and column_key = 'total') as table3_total
    from cells
    group by document_id
)

select
    documents.document_id,
    documents.department_id,
    documents.fiscal_year,
    summary.total_income::decimal(20, 6) as total_income,
    summary.total_expenditure::decimal(20, 6) as total_expenditure,
    coalesce(summary.carryover_begin, 0)::decimal(20, 6) as carryover_begin,
    coalesce(summary.carryover_end, 0)::decimal(20, 6) as carryover_end,
    summary.grand_total::decimal(20, 6) as grand_total,
    -- blank in a table 3 that prints a total: 0
    case when summary.table3_total is not null then coalesce(summary.basic_total, 0) end::decimal(20, 6) as basic_total,
    case when summary.table3_total is not null then coalesce(summary.project_total, 0) end::decimal(20, 6) as project_total,
    documents.loaded_at
from documents
join summary using (document_id)
