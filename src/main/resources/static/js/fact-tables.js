// The fact tables and their Chinese column names (GET /api/v1/templates), loaded once per page: the
// upload page, a unit's facts and an outcome's evidence show Chinese names instead of field names.

import * as api from './api.js';

let loading = null;

/** {tables: {name: {label, columns: {field: 中文名}}}, workbook, list: [...as served]}. */
export function factTables() {
  if (!loading) {
    loading = api.get('/api/v1/templates').then((templates) => ({
      workbook: templates.workbook,
      list: templates.tables,
      tables: Object.fromEntries(templates.tables.map((t) => [t.table, {
        label: t.label,
        columns: Object.fromEntries(t.columns.map((c) => [c.name, c.label])),
      }])),
    }));
  }
  return loading;
}

/** 台账任务（tasks）, or the name itself for a table the templates do not know. */
export function tableName(catalogue, table) {
  const t = catalogue.tables[table];
  return t ? `${t.label}（${table}）` : table;
}

/** The Chinese name of a column, or the field itself. */
export function columnName(catalogue, table, field) {
  const t = catalogue.tables[table];
  return (t && t.columns[field]) || field;
}
