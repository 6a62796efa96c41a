package org.kaohe.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads one CSV file (one table, header in row 1) into a {@link TabularDocument}. */
final class CsvTables {

	/**
	 * Empty lines are kept as records so record numbers stay the row numbers Excel shows; blank rows are
	 * skipped later.
	 */
	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();

	private CsvTables() {
	}

	static void read(TabularDocument document, UploadFile file, FactTable table, SheetLimits limits) {
		int maxRows = limits.maxRows();
		String name = file.simpleName();
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file.path());
		}
		catch (IOException ex) {
			document.fatal(name, "UNREADABLE_FILE", "无法读取文件：" + ParserMessages.of(ex), "cannot read the file: " + ParserMessages.of(ex));
			return;
		}
		Optional<TextDecoding.Decoded> decoded = TextDecoding.decode(bytes);
		if (decoded.isEmpty()) {
			document.fatal(name, "UNKNOWN_ENCODING", "无法识别文件编码：既不是 UTF-8 也不是 GB18030（请在 Excel 中另存为“CSV UTF-8”）",
					"the file is neither UTF-8 nor GB18030 (save it from Excel as \"CSV UTF-8\")");
			return;
		}
		document.source(name + " (" + decoded.get().encoding() + ")");
		TabularDocument.Table rows = null;
		int count = 0;
		try (CSVParser parser = CSVParser.parse(decoded.get().text(), FORMAT)) {
			for (CSVRecord record : parser) {
				int rowNumber = (int) record.getRecordNumber();
				if (record.size() > limits.maxColumns()) {
					document.fatal(name, "TOO_MANY_COLUMNS", "第 " + rowNumber + " 行的列数超过上限 " + limits.maxColumns(),
							"row " + rowNumber + " has more than " + limits.maxColumns() + " columns");
					return;
				}
				if (rows == null) {
					if (record.stream().allMatch(c -> SheetHeader.clean(c).isEmpty())) {
						continue;
					}
					rows = document.table(name, table, rowNumber, record.toList());
					continue;
				}
				if (++count > maxRows) {
					document.fatal(name, "TOO_MANY_ROWS", "行数超过上限 " + maxRows + "（请分期间或分批上传）",
							"more than " + maxRows + " rows (split the upload)");
					return;
				}
				rows.row(rowNumber, record.toList());
			}
		}
		catch (IOException | UncheckedIOException | IllegalStateException ex) {
			// commons-csv reports an unterminated quote and similar as I/O errors with the position
			String why = ParserMessages.of(ex);
			document.fatal(name, "MALFORMED_CSV", "CSV 格式错误：" + why, "malformed CSV: " + why);
			return;
		}
		if (rows == null) {
			document.problem(name, null, null, "EMPTY_FILE", "文件是空的，没有表头行", "the file is empty: no header row");
		}
	}

}
