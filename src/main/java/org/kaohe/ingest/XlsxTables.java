package org.kaohe.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads an XLSX workbook, one sheet per table, into a {@link TabularDocument}.
 *
 * <p>Sheets are streamed (POI's event API) rather than loaded as a workbook, so a province's quarter
 * does not need gigabytes of heap. {@link WorkbookGuard} refuses zip bombs and
 * DOCTYPE declarations before POI opens the file, and sets POI's own streaming checks
 * ({@code ZipSecureFile}) to the same limits; workbooks with macros are refused, and so is a sheet with
 * more rows or columns than the configured limits. Numbers and dates are read as values, not as the cell's display format: a date is ISO
 * whatever the locale showed, and a percentage cell (3.1 %) gives 3.1.
 */
final class XlsxTables {

	/** Sheets that are not tables: the template's instructions and its hidden lists. */
	static final String INSTRUCTIONS_SHEET = "说明";

	static final String LISTS_SHEET = "_lists";

	private XlsxTables() {
	}

	static void read(TabularDocument document, UploadFile file, SheetLimits limits) {
		String name = file.simpleName();
		if (isOle2(file)) {
			document.fatal(name, "XLS_NOT_SUPPORTED", "不支持旧版 Excel 97-2003 (.xls) 文件，请另存为 .xlsx",
					"Excel 97-2003 (.xls) files are not supported; save the workbook as .xlsx");
			return;
		}
		java.util.Optional<WorkbookGuard.Refusal> refusal = WorkbookGuard.check(file.path(), limits);
		if (refusal.isPresent()) {
			document.fatal(name, refusal.get().code(), refusal.get().message(), refusal.get().messageEn());
			return;
		}
		WorkbookGuard.applyToPoi(limits);
		document.source(name);
		try (OPCPackage pkg = OPCPackage.open(file.path().toFile(), PackageAccess.READ)) {
			if (!pkg.getPartsByContentType(XSSFRelation.MACROS_WORKBOOK.getContentType()).isEmpty()
					|| !pkg.getPartsByName(java.util.regex.Pattern.compile("(?i).*vbaProject\\.bin")).isEmpty()) {
				document.fatal(name, "MACROS_REFUSED", "工作簿包含宏，出于安全原因拒收；请另存为不含宏的 .xlsx",
						"the workbook contains macros and is refused; save it as a macro-free .xlsx");
				return;
			}
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
			StylesTable styles = reader.getStylesTable();
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			while (sheets.hasNext()) {
				try (InputStream in = sheets.next()) {
					String sheet = sheets.getSheetName();
					if (sheet.equals(INSTRUCTIONS_SHEET) || sheet.startsWith("_")) {
						continue;
					}
					Optional<FactTable> table = SpreadsheetUpload.tableNamed(sheet);
					SheetRows rows;
					if (table.isEmpty()) {
						rows = new SheetRows(document, sheet, null, limits);
					}
					else if (document.has(table.get())) {
						document.problem(sheet, null, null, "DUPLICATE_TABLE",
								"表 " + table.get().name() + " 出现在两个工作表中", "table " + table.get().name() + " is given by two sheets");
						continue;
					}
					else {
						rows = new SheetRows(document, sheet, table.get(), limits);
					}
					parse(in, styles, strings, rows);
					rows.finish();
					if (rows.tooMany) {
						return;
					}
				}
			}
		}
		catch (IOException | OpenXML4JException | SAXException | POIXMLException | OpenXML4JRuntimeException
				| IllegalArgumentException | IllegalStateException ex) {
			// IllegalArgumentException covers POI's UnsupportedFileFormatException (not an OOXML file);
			// IllegalStateException a package whose parts do not fit together
			String why = ParserMessages.of(ex);
			document.fatal(name, "UNREADABLE_WORKBOOK", "无法读取 XLSX 工作簿：" + why, "cannot read the XLSX workbook: " + why);
		}
	}

	private static void parse(InputStream in, StylesTable styles, ReadOnlySharedStringsTable strings, SheetRows rows)
			throws IOException, SAXException {
		XMLReader parser;
		try {
			parser = XMLHelper.newXMLReader();
		}
		catch (javax.xml.parsers.ParserConfigurationException ex) {
			throw new IllegalStateException(ex);
		}
		parser.setContentHandler(new XSSFSheetXMLHandler(styles, strings, rows, new ValueFormatter(), false));
		try {
			parser.parse(new InputSource(in));
		}
		catch (UncheckedStop stop) {
			// the row limit was reached; SheetRows recorded the problem
		}
		catch (IllegalStateException | IndexOutOfBoundsException | NumberFormatException ex) {
			// how POI's sheet handler fails on a damaged workbook (a cell pointing at a shared string when the
			// shared-strings part is missing, a malformed cell reference …): the file is unreadable, not the service
			throw new SAXException(ParserMessages.of(ex), ex);
		}
	}

	private static boolean isOle2(UploadFile file) {
		try (InputStream in = Files.newInputStream(file.path())) {
			byte[] head = in.readNBytes(4);
			return head.length == 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
					&& (head[3] & 0xFF) == 0xE0;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** Collects the cells of each row of one sheet and hands complete rows on. */
	private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final TabularDocument document;

		private final String sheet;

		private final FactTable table;

		private final int maxRows;

		private final int maxColumns;

		private final Map<Integer, String> cells = new HashMap<>();

		private TabularDocument.Table rows;

		private int count;

		private boolean content;

		boolean tooMany;

		SheetRows(TabularDocument document, String sheet, FactTable table, SheetLimits limits) {
			this.document = document;
			this.sheet = sheet;
			this.table = table;
			this.maxRows = limits.maxRows();
			this.maxColumns = limits.maxColumns();
		}

		@Override
		public void startRow(int rowNum) {
			this.cells.clear();
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			if (value == null || value.isBlank()) {
				return;
			}
			this.content = true;
			int col = (reference != null) ? new CellReference(reference).getCol() : this.cells.size();
			if (col >= this.maxColumns) {
				// a cell far to the right would make every row that wide; refuse before building it
				this.tooMany = true;
				this.document.fatal(this.sheet, "TOO_MANY_COLUMNS", "工作表列数超过上限 " + this.maxColumns + "（单元格 " + reference + "）",
						"the sheet has more than " + this.maxColumns + " columns (cell " + reference + ")");
				throw new UncheckedStop();
			}
			this.cells.put(col, value);
		}

		@Override
		public void endRow(int rowNum) {
			if (this.table == null || this.cells.isEmpty()) {
				return;
			}
			int width = this.cells.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
			List<String> row = new ArrayList<>(width);
			for (int i = 0; i < width; i++) {
				row.add(this.cells.get(i));
			}
			if (this.rows == null) {
				this.rows = this.document.table(this.sheet, this.table, rowNum + 1, row);
				return;
			}
			if (++this.count > this.maxRows) {
				this.tooMany = true;
				this.document.fatal(this.sheet, "TOO_MANY_ROWS", "工作表行数超过上限 " + this.maxRows + "（请分批上传）",
						"the sheet has more than " + this.maxRows + " rows (split the upload)");
				throw new UncheckedStop();
			}
			this.rows.row(rowNum + 1, row);
		}

		void finish() {
			if (this.table == null) {
				if (this.content) {
					this.document.problem(this.sheet, null, null, "UNKNOWN_SHEET",
							"工作表「" + this.sheet + "」不是事实表；表名应为：" + SpreadsheetUpload.tableNames(),
							"sheet \"" + this.sheet + "\" is not a fact table; tables are: " + SpreadsheetUpload.tableNamesEn());
				}
				return;
			}
			if (this.rows == null && !this.tooMany) {
				this.document.problem(this.sheet, null, null, "EMPTY_SHEET", "工作表是空的，没有表头行",
						"the sheet is empty: no header row");
			}
		}

	}

	/** Ends the parse of a sheet early; thrown from a content-handler callback, which may not throw checked exceptions. */
	private static final class UncheckedStop extends RuntimeException {

		UncheckedStop() {
			super(null, null, false, false);
		}

	}

	/**
	 * Formats numeric cells as values: dates ISO ({@code 2026-08-31}, {@code 2026-08-11T23:40:00}),
	 * percentages as the number of percent, other numbers in plain decimal notation.
	 */
	static final class ValueFormatter extends DataFormatter {

		private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString) {
			return formatRawCellContents(value, formatIndex, formatString, false);
		}

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				LocalDateTime dt = DateUtil.getLocalDateTime(value, use1904Windowing, true);
				if (dt.toLocalTime().toSecondOfDay() == 0) {
					return dt.toLocalDate().toString();
				}
				return dt.format(DATE_TIME);
			}
			BigDecimal d = BigDecimal.valueOf(value);
			if (formatString != null && formatString.contains("%")) {
				d = d.movePointRight(2);
			}
			return d.stripTrailingZeros().toPlainString();
		}

	}

}
