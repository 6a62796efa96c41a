package org.kaohe.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.kaohe.facts.Period;
import org.kaohe.rules.ChecklistProfile;

/**
 * Reads a multipart upload of spreadsheets into a fact document tree: either one XLSX workbook (one
 * sheet per table) or CSV files (one per table, named {@code subjects.csv} …). Sheets and files are
 * named by the table's name or its Chinese name; header cells as {@link SheetHeader} describes; the
 * document-level fields come from the form ({@link DocumentFields}).
 *
 * <p>Nothing is validated here beyond reading: the result goes through the same
 * {@link FactDocumentValidator} as a JSON document, and every problem is located at its file or
 * sheet, row and column.
 */
public final class SpreadsheetUpload {

	private SpreadsheetUpload() {
	}

	/**
	 * Reads the files.
	 *
	 * @param files the uploaded files
	 * @param fields the form fields
	 * @param contexts what the ruleset requires of a period (the checklist names the item columns)
	 * @param maxRowsPerSheet rows allowed in one sheet or file
	 */
	public static ParsedUpload read(List<UploadFile> files, DocumentFields fields,
			Function<Period, ValidationContext> contexts, int maxRowsPerSheet) {
		return read(files, fields, contexts, SheetLimits.DEFAULTS.withRows(maxRowsPerSheet));
	}

	/**
	 * Reads the files within limits.
	 *
	 * @param files the uploaded files
	 * @param fields the form fields
	 * @param contexts what the ruleset requires of a period
	 * @param limits what a sheet or file may be
	 */
	public static ParsedUpload read(List<UploadFile> files, DocumentFields fields,
			Function<Period, ValidationContext> contexts, SheetLimits limits) {
		ChecklistProfile checklist = checklist(fields, contexts);
		TabularDocument document = new TabularDocument(fields, checklist);
		List<UploadFile> workbooks = new ArrayList<>();
		List<UploadFile> csvs = new ArrayList<>();
		for (UploadFile f : files) {
			switch (f.extension()) {
				case "xlsx" -> workbooks.add(f);
				case "csv" -> csvs.add(f);
				case "xlsm", "xltm" -> document.fatal(f.simpleName(), "MACROS_REFUSED",
						"不接受含宏的工作簿（.xlsm），请另存为 .xlsx", "macro-enabled workbooks (.xlsm) are refused; save as .xlsx");
				case "xls" -> document.fatal(f.simpleName(), "XLS_NOT_SUPPORTED",
						"不支持旧版 Excel 97-2003 (.xls) 文件，请另存为 .xlsx", "Excel 97-2003 (.xls) files are not supported; save as .xlsx");
				default -> document.fatal(f.simpleName(), "UNSUPPORTED_FILE",
						"不支持的文件类型：" + f.simpleName() + "（应为一个 .xlsx 工作簿，或每张表一个 .csv 文件）",
						"unsupported file " + f.simpleName() + " (expected one .xlsx workbook or one .csv file per table)");
			}
		}
		UploadFormat format = workbooks.isEmpty() ? UploadFormat.CSV : UploadFormat.XLSX;
		if (files.isEmpty()) {
			document.fatal(null, "NO_FILES", "没有上传文件（应为一个 .xlsx 工作簿，或每张表一个 .csv 文件）",
					"no files were uploaded (expected one .xlsx workbook or one .csv file per table)");
		}
		else if (workbooks.size() > 1 || (!workbooks.isEmpty() && !csvs.isEmpty())) {
			document.fatal(null, "MIXED_UPLOAD", "一次上传只能是一个 .xlsx 工作簿，或若干 .csv 文件，不能混合",
					"one upload is either one .xlsx workbook or .csv files, not both or several workbooks");
		}
		else if (!workbooks.isEmpty()) {
			XlsxTables.read(document, workbooks.get(0), limits);
		}
		else {
			for (UploadFile f : csvs) {
				Optional<FactTable> table = tableNamed(f.baseName());
				if (table.isEmpty()) {
					document.problem(f.simpleName(), null, null, "UNKNOWN_TABLE",
							"文件名应为表名，如 subjects.csv；「" + f.simpleName() + "」不对应任何表。表名：" + tableNames(),
							"the file name must be a table name such as subjects.csv; \"" + f.simpleName()
									+ "\" is none. Tables: " + tableNamesEn());
				}
				else if (document.has(table.get())) {
					document.problem(f.simpleName(), null, null, "DUPLICATE_TABLE",
							"表 " + table.get().name() + " 由两个文件给出", "table " + table.get().name() + " is given by two files");
				}
				else {
					CsvTables.read(document, f, table.get(), limits);
				}
			}
		}
		return document.finish(format);
	}

	private static ChecklistProfile checklist(DocumentFields fields, Function<Period, ValidationContext> contexts) {
		Period period = null;
		if (fields.period() != null && Period.isValid(fields.period().trim().toUpperCase(Locale.ROOT))) {
			period = Period.parse(fields.period().trim().toUpperCase(Locale.ROOT));
		}
		ValidationContext context = contexts.apply(period);
		return (context != null) ? context.checklist() : null;
	}

	/** The table a sheet or file is named after: its name (any case) or its Chinese name. */
	static Optional<FactTable> tableNamed(String name) {
		String n = SheetHeader.clean(name);
		return FactSchema.tables()
			.stream()
			.filter(t -> t.name().equalsIgnoreCase(n) || t.label().equals(n) || (t.label() + " / " + t.name()).equals(n))
			.findFirst();
	}

	static String tableNames() {
		return FactSchema.tables().stream().map(t -> t.name() + "（" + t.label() + "）").collect(Collectors.joining("、"));
	}

	static String tableNamesEn() {
		return FactSchema.tables().stream().map(FactTable::name).collect(Collectors.joining(", "));
	}

}
