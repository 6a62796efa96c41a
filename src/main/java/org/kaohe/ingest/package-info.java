/**
 * Fact documents in: the table schema of SPEC §4 (one source for JSON validation, CSV/XLSX parsing and
 * the templates), the JSON reader, and the validator that checks a whole document and reports every
 * problem at once, located by JSON path or by file, row and column.
 */
package org.kaohe.ingest;
