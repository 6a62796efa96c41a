package org.kaohe.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.kaohe.facts.SubjectType;
import org.kaohe.rules.ChecklistProfile;

/**
 * The upload templates the office fills in, built from {@link FactSchema} so they always match what
 * the upload accepts: an XLSX workbook with an instructions sheet ({@code 说明}) and one sheet per
 * table, and one CSV file per table (UTF-8 with a byte-order mark, so Excel shows the Chinese).
 *
 * <p>Each table has a header row {@code 中文名 / field}, example rows that start with {@code #} (which
 * the upload skips, so they may stay), drop-down lists for enumerations, TRUE/FALSE for yes/no
 * columns, and text-formatted id and period columns so Excel does not turn {@code 2026-07} into a
 * date.
 */
public final class FactTemplates {

	/** Rows the drop-down lists cover (the whole sheet). */
	private static final int LAST_ROW = SpreadsheetVersion.EXCEL2007.getLastRowIndex();

	private FactTemplates() {
	}

	/**
	 * The workbook.
	 *
	 * @param checklist the site checklist in force (its items are the inspection columns)
	 */
	public static byte[] workbook(ChecklistProfile checklist) {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Styles styles = new Styles(wb);
			Sheet instructions = wb.createSheet(XlsxTables.INSTRUCTIONS_SHEET);
			Map<Class<?>, String> lists = lists(wb);
			for (FactTable table : FactSchema.tables()) {
				tableSheet(wb, table, checklist, styles, lists);
			}
			instructions(instructions, checklist, styles);
			// the hidden lists go last, so the office sees the instructions and then the tables
			wb.setSheetOrder(XlsxTables.LISTS_SHEET, wb.getNumberOfSheets() - 1);
			wb.setActiveSheet(0);
			wb.setFirstVisibleTab(0);
			wb.setSheetHidden(wb.getSheetIndex(XlsxTables.LISTS_SHEET), true);
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The CSV template of one table: UTF-8 with a byte-order mark, header and example rows. */
	public static byte[] csv(FactTable table, ChecklistProfile checklist) {
		List<Field> fields = fields(table, checklist);
		StringWriter text = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
			printer.printRecord(fields.stream().map(f -> CellText.neutralise(f.header())).toList());
			for (Map<String, Object> example : examples(table, checklist)) {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < fields.size(); i++) {
					Object v = example.get(fields.get(i).name());
					String s = (v == null) ? "" : (v instanceof Boolean b) ? (b ? "TRUE" : "FALSE")
							: (v instanceof Double d) ? java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : v.toString();
					cells.add((i == 0) ? "#" + s : (v instanceof Number) ? s : CellText.neutralise(s));
				}
				printer.printRecord(cells);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
		byte[] withBom = new byte[body.length + 3];
		withBom[0] = (byte) 0xEF;
		withBom[1] = (byte) 0xBB;
		withBom[2] = (byte) 0xBF;
		System.arraycopy(body, 0, withBom, 3, body.length);
		return withBom;
	}

	/**
	 * The columns of a table as the templates write them: field name ({@code items.FENCING} for a checklist
	 * item) and Chinese name.
	 *
	 * @param checklist the site checklist in force (its items are the inspection columns)
	 */
	public static List<TemplateColumn> columns(FactTable table, ChecklistProfile checklist) {
		return fields(table, checklist).stream()
			.map(f -> new TemplateColumn(f.name(), f.isItem() ? f.itemLabel() : f.column().label()))
			.toList();
	}

	/**
	 * A column of a template.
	 *
	 * @param name the field ({@code done}, {@code items.FENCING})
	 * @param label its Chinese name
	 */
	public record TemplateColumn(String name, String label) {
	}

	/** A template column: a table column, or one checklist item of {@code items}. */
	private record Field(String name, String header, Column column, String itemLabel) {

		boolean isItem() {
			return this.itemLabel != null;
		}

	}

	private static List<Field> fields(FactTable table, ChecklistProfile checklist) {
		List<Field> fields = new ArrayList<>();
		for (Column c : table.columns()) {
			if (c.type() == ColumnType.CHECKLIST) {
				if (checklist != null) {
					checklist.items()
						.forEach((code, label) -> fields.add(new Field(SheetHeader.ITEMS + "." + code,
								SheetHeader.ofItem(code, label), c, label)));
				}
				continue;
			}
			fields.add(new Field(c.name(), SheetHeader.of(c), c, null));
		}
		return fields;
	}

	/** Example rows: every kind of subject for {@code subjects}, the schema's example elsewhere. */
	private static List<Map<String, Object>> examples(FactTable table, ChecklistProfile checklist) {
		if (table.name().equals("subjects")) {
			return List.of(
					row("id", "C01", "type", "COUNTY", "name", "河东区", "group", "城区组", "cropAreaMu", 52000),
					row("id", "D-ZJ", "type", "DEPARTMENT", "name", "市住建局", "sector", "CONSTRUCTION"),
					row("id", "E0001", "type", "ENTERPRISE", "name", "某焦化有限公司", "parentId", "C01", "industry", "COKING",
							"performanceClass", "C", "onEmergencyList", true, "regulatorId", "D-HB"),
					row("id", "S0001", "type", "SITE", "name", "地铁3号线某站", "parentId", "C01", "regulatorId", "D-ZJ",
							"builderId", "E0002", "projectType", "METRO", "status", "WORKING", "distanceToStationM", 650,
							"startAcceptancePassed", true),
					row("id", "P001", "type", "PERSON", "name", "张某", "parentId", "C01", "role", "GOV_HEAD"));
		}
		Map<String, Object> example = new LinkedHashMap<>();
		int item = 0;
		for (Field f : fields(table, checklist)) {
			if (f.isItem()) {
				// the second item failed, so the example shows both answers
				example.put(f.name(), item++ != 1);
				continue;
			}
			String e = f.column().example();
			if (e == null || e.isEmpty()) {
				continue;
			}
			example.put(f.name(), typed(f.column(), e));
		}
		return List.of(example);
	}

	private static Map<String, Object> row(Object... pairs) {
		Map<String, Object> m = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			m.put((String) pairs[i], pairs[i + 1]);
		}
		return m;
	}

	private static Object typed(Column c, String example) {
		return switch (c.type()) {
			case INTEGER -> Long.parseLong(example);
			case NUMBER -> Double.parseDouble(example);
			case BOOLEAN -> Boolean.parseBoolean(example);
			case DATE -> LocalDate.parse(example);
			case DATETIME -> LocalDateTime.parse(example);
			default -> example;
		};
	}

	private static void tableSheet(XSSFWorkbook wb, FactTable table, ChecklistProfile checklist, Styles styles,
			Map<Class<?>, String> lists) {
		Sheet sheet = wb.createSheet(table.name());
		List<Field> fields = fields(table, checklist);
		Row header = sheet.createRow(0);
		DataValidationHelper validations = sheet.getDataValidationHelper();
		for (int i = 0; i < fields.size(); i++) {
			Field f = fields.get(i);
			Cell cell = header.createCell(i);
			cell.setCellValue(f.header());
			cell.setCellStyle(f.column().required() ? styles.requiredHeader : styles.header);
			sheet.setColumnWidth(i, Math.min(60, Math.max(12, f.header().length() * 2 + 2)) * 256);
			CellStyle columnStyle = styles.forColumn(f);
			if (columnStyle != null) {
				sheet.setDefaultColumnStyle(i, columnStyle);
			}
			DataValidationConstraint constraint = null;
			if (f.isItem() || f.column().type() == ColumnType.BOOLEAN) {
				constraint = validations.createExplicitListConstraint(new String[] { "TRUE", "FALSE" });
			}
			else if (f.column().type() == ColumnType.ENUM) {
				constraint = validations.createFormulaListConstraint(lists.get(f.column().enumType()));
			}
			if (constraint != null) {
				DataValidation v = validations.createValidation(constraint, new CellRangeAddressList(1, LAST_ROW, i, i));
				v.setShowErrorBox(true);
				v.setEmptyCellAllowed(true);
				v.setSuppressDropDownArrow(true);
				v.createErrorBox("取值无效 / invalid value", "请从下拉列表中选择 / choose a value from the list");
				sheet.addValidationData(v);
			}
		}
		int r = 1;
		for (Map<String, Object> example : examples(table, checklist)) {
			Row row = sheet.createRow(r++);
			for (int i = 0; i < fields.size(); i++) {
				Object v = example.get(fields.get(i).name());
				if (i == 0) {
					// the leading # makes the row a comment: the upload skips it
					Cell cell = row.createCell(0);
					cell.setCellValue("#" + ((v != null) ? v : "示例"));
					cell.setCellStyle(styles.example);
					continue;
				}
				if (v == null) {
					continue;
				}
				Cell cell = row.createCell(i);
				if (v instanceof Number n) {
					cell.setCellValue(n.doubleValue());
					cell.setCellStyle(styles.exampleNumber);
				}
				else if (v instanceof Boolean b) {
					cell.setCellValue(b);
					cell.setCellStyle(styles.example);
				}
				else if (v instanceof LocalDate d) {
					cell.setCellValue(d);
					cell.setCellStyle(styles.exampleDate);
				}
				else if (v instanceof LocalDateTime dt) {
					cell.setCellValue(dt);
					cell.setCellStyle(styles.exampleDateTime);
				}
				else {
					cell.setCellValue(v.toString());
					cell.setCellStyle(styles.exampleText);
				}
			}
		}
		sheet.createFreezePane(0, 1);
	}

	/** The hidden sheet of enumeration values, one named range per enumeration. */
	private static Map<Class<?>, String> lists(XSSFWorkbook wb) {
		Sheet sheet = wb.createSheet(XlsxTables.LISTS_SHEET);
		Map<Class<?>, String> names = new LinkedHashMap<>();
		int col = 0;
		for (FactTable table : FactSchema.tables()) {
			for (Column c : table.columns()) {
				if (c.type() != ColumnType.ENUM || names.containsKey(c.enumType())) {
					continue;
				}
				List<String> values = c.enumValues();
				for (int r = 0; r < values.size(); r++) {
					Row row = (sheet.getRow(r) != null) ? sheet.getRow(r) : sheet.createRow(r);
					row.createCell(col).setCellValue(values.get(r));
				}
				String letter = TabularDocument.letter(col);
				Name name = wb.createName();
				name.setNameName("list_" + c.enumType().getSimpleName());
				name.setRefersToFormula(XlsxTables.LISTS_SHEET + "!$" + letter + "$1:$" + letter + "$" + values.size());
				names.put(c.enumType(), name.getNameName());
				col++;
			}
		}
		return names;
	}

	private static void instructions(Sheet sheet, ChecklistProfile checklist, Styles styles) {
		List<String> lines = List.of("考核（Kaohe）事实数据上传模板 / fact upload template",
				"1. 每个工作表是一张事实表，工作表名（如 subjects）不要修改；用不到的表可以留空或删除。",
				"2. 第1行是表头“中文名 / 英文字段名”，不要修改；列的顺序可以调整，选填列可以删除。表头为红色的列必填。",
				"3. 以 # 开头的行是示例，上传时不会导入，可以保留也可以删除；请从示例下面一行开始填写。",
				"4. 带下拉箭头的列请从列表中选择；是/否列填 TRUE 或 FALSE（也可填 是/否）。",
				"5. 日期填 2026-08-31（或 2026/8/31），日期时间填 2026-08-11 23:40；期间填 2026、2026-Q3、2026-07 或 2026-W37。",
				"6. 期间（period）和报送单位（submittedBy）在上传时作为表单字段填写，不在工作簿里，例如：",
				"   curl -F period=2026-Q3 -F submittedBy=市攻坚办 -F file=@2026-Q3.xlsx http://localhost:8080/api/v1/facts",
				"7. 同一期间再次上传即为更正（新的版本），以前的版本都保留，每次评估记录它用的是哪个版本。",
				"8. 也可以每张表一个 CSV 文件（文件名为表名，如 subjects.csv），UTF-8 或 GB18030（Excel 默认的 CSV）编码均可。",
				"9. 上传前会检查整个文件，所有问题一次列出（工作表、行号、列）；有任何问题则不保存任何数据。",
				"", "各表的列 / columns of each table");
		int r = 0;
		for (String line : lines) {
			Cell cell = sheet.createRow(r++).createCell(0);
			cell.setCellValue(line);
			if (r == 1) {
				cell.setCellStyle(styles.title);
			}
		}
		Row head = sheet.createRow(r++);
		String[] titles = { "表 / table", "列（表头）/ header", "类型 / type", "必填 / required", "可选值与说明 / values and notes" };
		for (int i = 0; i < titles.length; i++) {
			Cell c = head.createCell(i);
			c.setCellValue(titles[i]);
			c.setCellStyle(styles.header);
		}
		for (FactTable table : FactSchema.tables()) {
			for (Field f : fields(table, checklist)) {
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(table.name() + "（" + table.label() + "）");
				row.createCell(1).setCellValue(f.header());
				row.createCell(2).setCellValue(f.isItem() ? ColumnType.BOOLEAN.getLabel() : f.column().type().getLabel());
				row.createCell(3).setCellValue(f.column().required() ? "是" : "否");
				row.createCell(4).setCellValue(notes(f));
			}
		}
		sheet.setColumnWidth(0, 26 * 256);
		sheet.setColumnWidth(1, 36 * 256);
		sheet.setColumnWidth(2, 30 * 256);
		sheet.setColumnWidth(3, 12 * 256);
		sheet.setColumnWidth(4, 100 * 256);
	}

	private static String notes(Field f) {
		Column c = f.column();
		List<String> notes = new ArrayList<>();
		if (f.isItem()) {
			notes.add("检查项“" + f.itemLabel() + "”是否达标，每次检查都须填写");
		}
		else if (c.type() == ColumnType.ENUM) {
			notes.add(java.util.Arrays.stream(c.enumType().getEnumConstants())
				.map(e -> e.name() + "（" + CellValues.label(e) + "）")
				.collect(Collectors.joining("、")));
		}
		else if (c.type() == ColumnType.SUBJECT_REF) {
			notes.add("subjects 表中的编号" + (c.refTypes().isEmpty() ? ""
					: "，须为" + c.refTypes().stream().map(SubjectType::getLabel).collect(Collectors.joining("或"))));
		}
		if (!c.subjectTypes().isEmpty() && !c.subjectTypes().containsAll(EnumSet.allOf(SubjectType.class))) {
			notes.add("仅适用于" + c.subjectTypes().stream().map(SubjectType::getLabel).collect(Collectors.joining("、")));
		}
		if (c.nonNegative()) {
			notes.add("不能为负数");
		}
		return String.join("；", notes);
	}

	/** The cell styles of a template. */
	private static final class Styles {

		final CellStyle header;

		final CellStyle requiredHeader;

		final CellStyle title;

		final CellStyle text;

		final CellStyle date;

		final CellStyle dateTime;

		final CellStyle example;

		final CellStyle exampleText;

		final CellStyle exampleNumber;

		final CellStyle exampleDate;

		final CellStyle exampleDateTime;

		Styles(XSSFWorkbook wb) {
			short textFormat = wb.createDataFormat().getFormat("@");
			short dateFormat = wb.createDataFormat().getFormat("yyyy-mm-dd");
			short dateTimeFormat = wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss");
			Font bold = wb.createFont();
			bold.setBold(true);
			Font red = wb.createFont();
			red.setBold(true);
			red.setColor(IndexedColors.DARK_RED.getIndex());
			Font big = wb.createFont();
			big.setBold(true);
			big.setFontHeightInPoints((short) 14);
			Font grey = wb.createFont();
			grey.setItalic(true);
			grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
			this.header = headerStyle(wb, bold);
			this.requiredHeader = headerStyle(wb, red);
			this.title = wb.createCellStyle();
			this.title.setFont(big);
			this.text = wb.createCellStyle();
			this.text.setDataFormat(textFormat);
			this.date = wb.createCellStyle();
			this.date.setDataFormat(dateFormat);
			this.dateTime = wb.createCellStyle();
			this.dateTime.setDataFormat(dateTimeFormat);
			this.example = wb.createCellStyle();
			this.example.setFont(grey);
			this.exampleText = wb.createCellStyle();
			this.exampleText.setFont(grey);
			this.exampleText.setDataFormat(textFormat);
			this.exampleNumber = wb.createCellStyle();
			this.exampleNumber.setFont(grey);
			this.exampleDate = wb.createCellStyle();
			this.exampleDate.setFont(grey);
			this.exampleDate.setDataFormat(dateFormat);
			this.exampleDateTime = wb.createCellStyle();
			this.exampleDateTime.setFont(grey);
			this.exampleDateTime.setDataFormat(dateTimeFormat);
		}

		private static CellStyle headerStyle(XSSFWorkbook wb, Font font) {
			CellStyle s = wb.createCellStyle();
			s.setFont(font);
			s.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			s.setBorderBottom(BorderStyle.THIN);
			return s;
		}

		/** Text format where Excel would otherwise reinterpret what is typed (ids, periods, codes). */
		CellStyle forColumn(Field f) {
			if (f.isItem()) {
				return null;
			}
			return switch (f.column().type()) {
				case STRING, SUBJECT_REF, PERIOD, ENUM -> this.text;
				case DATE -> this.date;
				case DATETIME -> this.dateTime;
				default -> null;
			};
		}

	}

}
