package org.kaohe.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.apache.poi.ss.util.CellReference;

import org.kaohe.facts.FactDocument;
import org.kaohe.rules.ChecklistProfile;

/**
 * Builds a fact document tree from tables given as rows of cell text (CSV files, XLSX sheets) and
 * remembers where every row came from, so the validator's problems point at file or sheet, row
 * number and column ({@code done (F)}).
 *
 * <p>Rows whose first cell starts with {@code #} are comments (the templates' example rows) and blank
 * rows are skipped; row numbers stay those a spreadsheet shows, the header being row 1.
 */
final class TabularDocument {

	/** The {@code source} of problems with the form fields ({@code period} …). */
	static final String FORM = "表单字段 / form field";

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final DocumentFields fields;

	private final ChecklistProfile checklist;

	private final Map<String, ArrayNode> tables = new HashMap<>();

	private final Map<String, Origin> origins = new HashMap<>();

	private final List<FactProblem> problems = new ArrayList<>();

	/** "table|field" of required columns missing from a header. */
	private final Set<String> missingColumns = new HashSet<>();

	private final List<String> sources = new ArrayList<>();

	private boolean unreadable;

	TabularDocument(DocumentFields fields, ChecklistProfile checklist) {
		this.fields = fields;
		this.checklist = checklist;
	}

	/** Records where the upload came from ({@code subjects.csv (GB18030)}). */
	void source(String description) {
		this.sources.add(description);
	}

	/** A problem with a whole file or sheet, or with one of its rows. */
	void problem(String source, Integer row, String column, String code, String message, String messageEn) {
		this.problems.add(new FactProblem(null, source, null, row, column, null, null, code, message, messageEn));
	}

	/**
	 * A problem that makes the upload unusable (a file that cannot be decoded or opened): the tables
	 * read so far would only produce misleading follow-up problems, so none are validated.
	 */
	void fatal(String source, String code, String message, String messageEn) {
		problem(source, null, null, code, message, messageEn);
		this.unreadable = true;
	}

	/** Whether a table was already given (by another file or sheet). */
	boolean has(FactTable table) {
		return this.origins.containsKey(table.name());
	}

	/**
	 * Starts a table from its header row.
	 *
	 * @param source file or sheet name
	 * @param headerRow spreadsheet row number of the header
	 * @param header the header cells
	 */
	Table table(String source, FactTable table, int headerRow, List<String> header) {
		Origin origin = new Origin(source);
		String[] columnFields = new String[header.size()];
		boolean[] blankHeader = new boolean[header.size()];
		Set<String> seen = new LinkedHashSet<>();
		for (int i = 0; i < header.size(); i++) {
			String h = SheetHeader.clean(header.get(i));
			if (h.isEmpty()) {
				blankHeader[i] = true;
				continue;
			}
			String column = h + " (" + letter(i) + ")";
			var field = SheetHeader.field(table, h, this.checklist);
			if (field.isEmpty()) {
				problem(source, headerRow, column, "UNKNOWN_COLUMN",
						"表头「" + h + "」不是表 " + table.name() + "（" + table.label() + "）的字段；可用的表头：" + allowed(table),
						"header \"" + h + "\" is not a field of table " + table.name() + "; allowed: " + allowedEn(table));
				continue;
			}
			String f = field.get();
			if (f.startsWith(SheetHeader.ITEMS + ".") && this.checklist != null
					&& !this.checklist.items().containsKey(f.substring(SheetHeader.ITEMS.length() + 1))) {
				problem(source, headerRow, column, "UNKNOWN_CHECKLIST_ITEM",
						"检查项「" + h + "」不在清单「" + this.checklist.label() + "」中，清单项：" + itemList(),
						"checklist item \"" + h + "\" is not in profile " + this.checklist.name() + ": " + this.checklist.codes());
				continue;
			}
			if (!seen.add(f)) {
				problem(source, headerRow, column, "DUPLICATE_COLUMN", "字段 " + f + " 的列出现了两次",
						"the column of field " + f + " appears twice");
				continue;
			}
			columnFields[i] = f;
			origin.columns.put(f, i);
		}
		for (Column c : table.columns()) {
			if (c.type() == ColumnType.CHECKLIST) {
				continue;
			}
			if (c.required() && !seen.contains(c.name())) {
				problem(source, headerRow, c.name(), "MISSING_COLUMN",
						"缺少必填列「" + SheetHeader.of(c) + "」", "required column \"" + c.name() + "\" is missing");
				this.missingColumns.add(table.name() + "|" + c.name());
			}
		}
		if (table.column(SheetHeader.ITEMS).isPresent() && this.checklist != null) {
			if (seen.stream().noneMatch(f -> f.startsWith(SheetHeader.ITEMS + "."))) {
				this.missingColumns.add(table.name() + "|" + SheetHeader.ITEMS);
			}
			for (String code : this.checklist.codes()) {
				if (!seen.contains(SheetHeader.ITEMS + "." + code)) {
					String h = SheetHeader.ofItem(code, this.checklist.labelOf(code));
					problem(source, headerRow, SheetHeader.ITEMS + "." + code, "MISSING_COLUMN",
							"缺少检查项列「" + h + "」（清单「" + this.checklist.label() + "」的每一项都须填写）",
							"checklist item column \"items." + code + "\" is missing (profile " + this.checklist.name() + ")");
					origin.itemsHeaderIncomplete = true;
				}
			}
		}
		this.origins.put(table.name(), origin);
		ArrayNode rows = NODES.arrayNode();
		this.tables.put(table.name(), rows);
		return new Table(table, origin, columnFields, blankHeader, rows);
	}

	private static String allowed(FactTable table) {
		return table.columns()
			.stream()
			.map(c -> (c.type() == ColumnType.CHECKLIST) ? "items.检查项代码" : c.label() + " / " + c.name())
			.collect(Collectors.joining("、"));
	}

	private static String allowedEn(FactTable table) {
		return table.columns()
			.stream()
			.map(c -> (c.type() == ColumnType.CHECKLIST) ? "items.<ITEM>" : c.name())
			.collect(Collectors.joining(", "));
	}

	private String itemList() {
		return this.checklist.items()
			.entrySet()
			.stream()
			.map(e -> e.getKey() + "（" + e.getValue() + "）")
			.collect(Collectors.joining("、"));
	}

	static String letter(int columnIndex) {
		return CellReference.convertNumToColString(columnIndex);
	}

	/** The document tree and how to locate its rows; the tree is null when a file could not be read. */
	ParsedUpload finish(UploadFormat format) {
		ObjectNode root = NODES.objectNode();
		String version = (this.fields.schemaVersion() != null) ? this.fields.schemaVersion().trim() : "";
		if (version.isEmpty()) {
			root.put("schemaVersion", FactDocument.SCHEMA_VERSION);
		}
		else if (version.matches("\\d{1,9}")) {
			root.set("schemaVersion", IntNode.valueOf(Integer.parseInt(version)));
		}
		else {
			root.set("schemaVersion", TextNode.valueOf(version));
		}
		if (this.fields.period() != null && !this.fields.period().isBlank()) {
			root.put("period", this.fields.period().trim().toUpperCase(Locale.ROOT));
		}
		if (this.fields.submittedBy() != null && !this.fields.submittedBy().isBlank()) {
			root.put("submittedBy", this.fields.submittedBy().trim());
		}
		for (FactTable t : FactSchema.tables()) {
			ArrayNode rows = this.tables.get(t.name());
			if (rows != null) {
				root.set(t.name(), rows);
			}
		}
		Map<String, Origin> origins = Map.copyOf(this.origins);
		Set<String> missing = Set.copyOf(this.missingColumns);
		RowLocator locator = (table, index, field, code, message, messageEn) -> locate(origins, table, index, field, code,
				message, messageEn);
		return new ParsedUpload(this.unreadable ? null : root, locator, this.problems,
				p -> redundant(origins, missing, p), format, String.join(", ", this.sources));
	}

	private static FactProblem locate(Map<String, Origin> origins, String table, Integer index, String field,
			String code, String message, String messageEn) {
		Origin origin = (table != null) ? origins.get(table) : null;
		if (origin == null) {
			return new FactProblem(null, FORM, table, null, null, null, field, code, message, messageEn);
		}
		Integer row = (index != null && index < origin.rows.size()) ? origin.rows.get(index) : null;
		return new FactProblem(null, origin.source, table, row, origin.column(field), null, field, code, message,
				messageEn);
	}

	private static boolean redundant(Map<String, Origin> origins, Set<String> missingColumns, FactProblem p) {
		if ("MISSING_FIELD".equals(p.code()) && missingColumns.contains(p.table() + "|" + p.field())) {
			return true;
		}
		if ("MISSING_CHECKLIST_ITEM".equals(p.code()) && p.table() != null) {
			Origin origin = origins.get(p.table());
			return origin != null && origin.itemsHeaderIncomplete && p.row() != null
					&& !origin.rowsWithBlankItems.contains(p.row());
		}
		return false;
	}

	/** Where a table came from: its file or sheet, each row's number, each field's column. */
	private static final class Origin {

		final String source;

		final List<Integer> rows = new ArrayList<>();

		final Map<String, Integer> columns = new LinkedHashMap<>();

		final Set<Integer> rowsWithBlankItems = new HashSet<>();

		boolean itemsHeaderIncomplete;

		Origin(String source) {
			this.source = source;
		}

		/** {@code done (F)}; the checklist as a whole is its range of columns, {@code items (H–N)}. */
		String column(String field) {
			if (field == null) {
				return null;
			}
			Integer i = this.columns.get(field);
			if (i != null) {
				return field + " (" + letter(i) + ")";
			}
			if (field.equals(SheetHeader.ITEMS)) {
				int[] items = this.columns.entrySet()
					.stream()
					.filter(e -> e.getKey().startsWith(SheetHeader.ITEMS + "."))
					.mapToInt(Map.Entry::getValue)
					.sorted()
					.toArray();
				if (items.length > 0) {
					return field + " (" + letter(items[0]) + "–" + letter(items[items.length - 1]) + ")";
				}
			}
			return field;
		}

	}

	/** Receives the data rows of one table. */
	final class Table {

		private final FactTable table;

		private final Origin origin;

		private final String[] fields;

		private final boolean[] blankHeader;

		private final ArrayNode rows;

		private final Set<Integer> unnamedReported = new HashSet<>();

		private Table(FactTable table, Origin origin, String[] fields, boolean[] blankHeader, ArrayNode rows) {
			this.table = table;
			this.origin = origin;
			this.fields = fields;
			this.blankHeader = blankHeader;
			this.rows = rows;
		}

		/** Adds a data row unless it is blank or a comment. */
		void row(int rowNumber, List<String> cells) {
			if (cells.stream().allMatch(c -> c == null || SheetHeader.clean(c).isEmpty())) {
				return;
			}
			if (!cells.isEmpty() && cells.get(0) != null && cells.get(0).trim().startsWith("#")) {
				return;
			}
			ObjectNode row = NODES.objectNode();
			ObjectNode items = null;
			boolean blankItem = false;
			Set<String> itemsSeen = new HashSet<>();
			for (int i = 0; i < cells.size(); i++) {
				String text = (cells.get(i) != null) ? cells.get(i).replace('\u00A0', ' ').trim() : "";
				if (text.isEmpty()) {
					continue;
				}
				String field = (i < this.fields.length) ? this.fields[i] : null;
				if (field == null) {
					// a column with an unknown header was reported once at the header already
					if ((i >= this.blankHeader.length || this.blankHeader[i]) && this.unnamedReported.add(i)) {
						problem(this.origin.source, rowNumber, letter(i), "UNNAMED_COLUMN",
								"第 " + letter(i) + " 列有数据但没有表头（表头在第1行），该列未读取",
								"column " + letter(i) + " has data but no header (row 1); it was not read");
					}
					continue;
				}
				if (field.startsWith(SheetHeader.ITEMS + ".")) {
					if (items == null) {
						items = NODES.objectNode();
					}
					String code = field.substring(SheetHeader.ITEMS.length() + 1);
					items.set(code, CellValues.bool(text));
					itemsSeen.add(code);
					continue;
				}
				row.set(field, CellValues.toJson(this.table.column(field).orElseThrow(), text));
			}
			for (String f : this.origin.columns.keySet()) {
				if (f.startsWith(SheetHeader.ITEMS + ".") && !itemsSeen.contains(f.substring(SheetHeader.ITEMS.length() + 1))) {
					blankItem = true;
				}
			}
			if (items != null) {
				row.set(SheetHeader.ITEMS, items);
			}
			if (blankItem) {
				this.origin.rowsWithBlankItems.add(rowNumber);
			}
			this.rows.add(row);
			this.origin.rows.add(rowNumber);
		}

	}

}
