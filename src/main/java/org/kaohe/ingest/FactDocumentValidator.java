package org.kaohe.ingest;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import org.kaohe.facts.FactDocument;
import org.kaohe.facts.Period;
import org.kaohe.facts.SubjectType;

/**
 * Checks a whole fact document before anything uses it and reports every problem at once: unknown
 * fields, missing or mistyped values, unknown enum values, references to subjects the document does
 * not contain, duplicate ids, {@code done > planned}, malformed periods and periods outside the
 * document's, incomplete checklists, negative values, dates outside any sane range or in the wrong
 * order.
 *
 * <p>It works on the JSON tree rather than on parsed objects so that a document with a mistyped
 * field still gets all its other problems reported; CSV and XLSX uploads are turned into the same
 * tree first and located back through their {@link RowLocator}.
 */
public final class FactDocumentValidator {

	/** Dates before this are typing mistakes, not facts. */
	/** Longest id, reference or submitter: the width of the columns that store them. */
	static final int MAX_ID_LENGTH = 200;

	/** Longest subject name: the width of the columns that store it. */
	static final int MAX_NAME_LENGTH = 500;

	static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

	/** Dates after this are typing mistakes, not facts. */
	static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

	private final RowLocator locator;

	private final List<FactProblem> problems = new ArrayList<>();

	private FactDocumentValidator(RowLocator locator) {
		this.locator = locator;
	}

	/**
	 * Validates a document tree.
	 *
	 * @param root the parsed document
	 * @param contexts what the ruleset requires for a period (checklist, indicators); called with
	 * null when the document's period is unreadable
	 * @param locator how to locate problems
	 * @return every problem found; empty when the document is valid
	 */
	public static List<FactProblem> validate(JsonNode root, Function<Period, ValidationContext> contexts,
			RowLocator locator) {
		FactDocumentValidator v = new FactDocumentValidator(locator);
		v.check(root, contexts);
		return v.problems;
	}

	private void check(JsonNode root, Function<Period, ValidationContext> contexts) {
		if (root == null || !root.isObject()) {
			problem(null, null, null, "NOT_AN_OBJECT", "事实文档须为 JSON 对象", "a fact document must be a JSON object");
			return;
		}
		for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
			String name = it.next();
			if (!FactSchema.HEADER_FIELDS.contains(name) && FactSchema.table(name).isEmpty()) {
				problem(null, null, name, "UNKNOWN_FIELD", "未知的字段 " + name, "unknown field " + name);
			}
		}
		JsonNode version = root.get("schemaVersion");
		if (version == null || version.isNull()) {
			problem(null, null, "schemaVersion", "MISSING_FIELD", "缺少 schemaVersion", "schemaVersion is missing");
		}
		else if (!version.canConvertToInt() || !version.isIntegralNumber() || version.intValue() != FactDocument.SCHEMA_VERSION) {
			problem(null, null, "schemaVersion", "UNSUPPORTED_SCHEMA_VERSION",
					"不支持的 schemaVersion " + version + "，应为 " + FactDocument.SCHEMA_VERSION,
					"unsupported schemaVersion " + version + ", expected " + FactDocument.SCHEMA_VERSION);
		}
		Period period = null;
		JsonNode periodNode = root.get("period");
		if (periodNode == null || periodNode.isNull()) {
			problem(null, null, "period", "MISSING_FIELD", "缺少 period（文档所属期间）", "period is missing");
		}
		else if (!periodNode.isTextual()) {
			problem(null, null, "period", "WRONG_TYPE", "period 须为文本，如 2026-Q3", "period must be text such as 2026-Q3");
		}
		else {
			try {
				period = Period.parse(periodNode.textValue());
			}
			catch (IllegalArgumentException ex) {
				problem(null, null, "period", "MALFORMED_PERIOD", "期间格式错误：" + periodNode.textValue()
						+ "（应为 2026、2026-Q3、2026-09 或 2026-W37）", ex.getMessage());
			}
		}
		JsonNode submittedBy = root.get("submittedBy");
		if (submittedBy != null && !submittedBy.isNull() && !submittedBy.isTextual()) {
			problem(null, null, "submittedBy", "WRONG_TYPE", "submittedBy 须为文本", "submittedBy must be text");
		}
		else if (submittedBy != null && submittedBy.isTextual() && submittedBy.textValue().length() > MAX_ID_LENGTH) {
			problem(null, null, "submittedBy", "TOO_LONG", "submittedBy 过长（最多 " + MAX_ID_LENGTH + " 个字符）",
					"submittedBy is longer than " + MAX_ID_LENGTH + " characters");
		}
		ValidationContext context = contexts.apply(period);

		Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
		for (FactTable table : FactSchema.tables()) {
			rows.put(table.name(), readTable(root.get(table.name()), table, context));
		}
		new SemanticChecks(this, rows, period, context).run();
	}

	private List<Map<String, Object>> readTable(JsonNode node, FactTable table, ValidationContext context) {
		List<Map<String, Object>> result = new ArrayList<>();
		if (node == null || node.isNull()) {
			return result;
		}
		if (!node.isArray()) {
			problem(null, null, table.name(), "WRONG_TYPE", "表 " + table.name() + " 须为数组", "table " + table.name() + " must be an array");
			return result;
		}
		for (int i = 0; i < node.size(); i++) {
			JsonNode row = node.get(i);
			if (!row.isObject()) {
				problem(table.name(), i, null, "WRONG_TYPE", "每一行须为对象", "each row must be an object");
				result.add(Map.of());
				continue;
			}
			result.add(readRow(table, i, row, context));
		}
		return result;
	}

	private Map<String, Object> readRow(FactTable table, int index, JsonNode row, ValidationContext context) {
		Map<String, Object> values = new HashMap<>();
		SubjectType subjectType = null;
		if (table.name().equals("subjects") && row.hasNonNull("type")) {
			try {
				subjectType = SubjectType.valueOf(row.get("type").asText());
			}
			catch (IllegalArgumentException ex) {
				// reported by the ENUM check below
			}
		}
		for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> field = it.next();
			var column = table.column(field.getKey());
			if (column.isEmpty()) {
				problem(table.name(), index, field.getKey(), "UNKNOWN_FIELD", "表 " + table.name() + " 没有字段 " + field.getKey(),
						"table " + table.name() + " has no field " + field.getKey());
				continue;
			}
			Column c = column.get();
			if (field.getValue().isNull()) {
				continue;
			}
			if (subjectType != null && !c.appliesTo(subjectType)) {
				problem(table.name(), index, c.name(), "FIELD_NOT_APPLICABLE",
						"字段 " + c.name() + " 不适用于主体类型 " + subjectType + "（" + subjectType.getLabel() + "）",
						"field " + c.name() + " does not apply to subject type " + subjectType);
				continue;
			}
			Object value = readValue(table, index, c, field.getValue(), context);
			if (value != null) {
				values.put(c.name(), value);
			}
		}
		for (Column c : table.columns()) {
			if (c.required() && (!row.has(c.name()) || row.get(c.name()).isNull())) {
				problem(table.name(), index, c.name(), "MISSING_FIELD", "缺少必填字段 " + c.name() + "（" + c.label() + "）",
						"required field " + c.name() + " is missing");
			}
		}
		return values;
	}

	/**
	 * Longest accepted text of a column: ids and references are stored in {@code VARCHAR(200)} columns
	 * (fact rows, outcomes), names in {@code VARCHAR(500)} (outcomes, ranks); a longer value must be a
	 * located problem here, not a failed insert (a 500) later.
	 */
	static int maxLength(Column c) {
		if (c.type() == ColumnType.SUBJECT_REF || c.name().equals("id")) {
			return MAX_ID_LENGTH;
		}
		return c.name().equals("name") ? MAX_NAME_LENGTH : Integer.MAX_VALUE;
	}

	private Object readValue(FactTable table, int index, Column c, JsonNode v, ValidationContext context) {
		String t = table.name();
		String f = c.name();
		switch (c.type()) {
			case STRING, SUBJECT_REF -> {
				if (!v.isTextual()) {
					return wrongType(t, index, f, "文本", "text", v);
				}
				if (v.textValue().isBlank()) {
					problem(t, index, f, "BLANK_VALUE", f + " 不能为空白", f + " must not be blank");
					return null;
				}
				int max = maxLength(c);
				if (v.textValue().trim().length() > max) {
					problem(t, index, f, "TOO_LONG", f + " 过长（" + v.textValue().trim().length() + " 个字符，最多 " + max + " 个）",
							f + " is longer than " + max + " characters");
					return null;
				}
				return v.textValue().trim();
			}
			case INTEGER -> {
				if (!v.isNumber() || (!v.isIntegralNumber() && v.doubleValue() != Math.rint(v.doubleValue()))) {
					return wrongType(t, index, f, "整数", "a whole number", v);
				}
				long n = v.longValue();
				if (c.nonNegative() && n < 0) {
					return negative(t, index, f, v);
				}
				return n;
			}
			case NUMBER -> {
				if (!v.isNumber()) {
					return wrongType(t, index, f, "数字", "a number", v);
				}
				double d = v.doubleValue();
				if (Double.isNaN(d) || Double.isInfinite(d)) {
					return wrongType(t, index, f, "有限数字", "a finite number", v);
				}
				if (c.nonNegative() && d < 0) {
					return negative(t, index, f, v);
				}
				return d;
			}
			case BOOLEAN -> {
				if (!v.isBoolean()) {
					return wrongType(t, index, f, "true 或 false", "true or false", v);
				}
				return v.booleanValue();
			}
			case DATE -> {
				if (!v.isTextual()) {
					return wrongType(t, index, f, "日期 YYYY-MM-DD", "a date YYYY-MM-DD", v);
				}
				try {
					return saneDate(t, index, f, LocalDate.parse(v.textValue().trim()));
				}
				catch (DateTimeParseException ex) {
					problem(t, index, f, "MALFORMED_DATE", f + " 不是有效日期：" + v.textValue() + "（应为 YYYY-MM-DD）",
							f + " is not a valid date: " + v.textValue() + " (expected YYYY-MM-DD)");
					return null;
				}
			}
			case DATETIME -> {
				if (!v.isTextual()) {
					return wrongType(t, index, f, "日期时间 YYYY-MM-DDTHH:MM", "a date-time", v);
				}
				try {
					LocalDateTime dt = LocalDateTime.parse(v.textValue().trim());
					return (saneDate(t, index, f, dt.toLocalDate()) != null) ? dt : null;
				}
				catch (DateTimeParseException ex) {
					problem(t, index, f, "MALFORMED_DATETIME", f + " 不是有效的日期时间：" + v.textValue() + "（应为 2026-08-11T23:40:00）",
							f + " is not a valid date-time: " + v.textValue() + " (expected 2026-08-11T23:40:00)");
					return null;
				}
			}
			case PERIOD -> {
				if (!v.isTextual()) {
					return wrongType(t, index, f, "期间文本", "period text", v);
				}
				try {
					return Period.parse(v.textValue());
				}
				catch (IllegalArgumentException ex) {
					problem(t, index, f, "MALFORMED_PERIOD", "期间格式错误：" + v.textValue() + "（应为 2026、2026-Q3、2026-09 或 2026-W37）",
							ex.getMessage());
					return null;
				}
			}
			case ENUM -> {
				if (!v.isTextual() || !c.enumValues().contains(v.textValue())) {
					problem(t, index, f, "UNKNOWN_VALUE", f + " 的值 " + v + " 无效，可选：" + String.join("、", c.enumValues()),
							f + " has invalid value " + v + "; allowed: " + String.join(", ", c.enumValues()));
					return null;
				}
				return v.textValue();
			}
			case CHECKLIST -> {
				if (!v.isObject()) {
					return wrongType(t, index, f, "检查项对象（项目代码: true/false）", "an object of item code: true/false", v);
				}
				Map<String, Boolean> items = new LinkedHashMap<>();
				for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext();) {
					Map.Entry<String, JsonNode> item = it.next();
					String field = f + "." + item.getKey();
					if (context != null && context.checklist() != null
							&& !context.checklist().items().containsKey(item.getKey())) {
						problem(t, index, field, "UNKNOWN_CHECKLIST_ITEM",
								"检查项 " + item.getKey() + " 不在清单「" + context.checklist().label() + "」中，清单项：" + String.join("、", context.checklist().codes()),
								"checklist item " + item.getKey() + " is not in profile " + context.checklist().name());
						continue;
					}
					if (!item.getValue().isBoolean()) {
						problem(t, index, field, "WRONG_TYPE", field + " 须为 true 或 false", field + " must be true or false");
						continue;
					}
					items.put(item.getKey(), item.getValue().booleanValue());
				}
				return items;
			}
			default -> throw new IllegalStateException(c.type().name());
		}
	}

	private Object wrongType(String table, int index, String field, String zh, String en, JsonNode v) {
		problem(table, index, field, "WRONG_TYPE", field + " 须为" + zh + "，实际为 " + v, field + " must be " + en + ", got " + v);
		return null;
	}

	private Object negative(String table, int index, String field, JsonNode v) {
		problem(table, index, field, "NEGATIVE_VALUE", field + " 不能为负数：" + v, field + " must not be negative: " + v);
		return null;
	}

	private LocalDate saneDate(String table, int index, String field, LocalDate date) {
		if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
			problem(table, index, field, "DATE_OUT_OF_RANGE", field + " 的日期 " + date + " 不在合理范围（" + EARLIEST + " 至 " + LATEST + "）",
					field + " date " + date + " is outside any sane range (" + EARLIEST + " to " + LATEST + ")");
			return null;
		}
		return date;
	}

	void problem(String table, Integer index, String field, String code, String message, String messageEn) {
		this.problems.add(this.locator.locate(table, index, field, code, message, messageEn));
	}

	/** Checks across rows and tables, on the values that passed the per-field checks. */
	private static final class SemanticChecks {

		private final FactDocumentValidator v;

		private final Map<String, List<Map<String, Object>>> rows;

		private final Period period;

		private final ValidationContext context;

		private final Map<String, SubjectType> subjectTypes = new HashMap<>();

		SemanticChecks(FactDocumentValidator v, Map<String, List<Map<String, Object>>> rows, Period period,
				ValidationContext context) {
			this.v = v;
			this.rows = rows;
			this.period = period;
			this.context = context;
		}

		void run() {
			subjects();
			for (FactTable table : FactSchema.tables()) {
				references(table);
			}
			uniqueIds("inspections", "id");
			uniqueIds("tasks", "id");
			uniqueIds("issues", "id");
			uniqueIds("violations", "id");
			uniqueKeys("measurements", List.of("subjectId", "period", "indicator"));
			uniqueKeys("rankings", List.of("subjectId", "period", "indicator"));
			uniqueKeys("supervision", List.of("departmentId"));
			periodsAndIndicators("measurements");
			periodsAndIndicators("rankings");
			rankings();
			inspections();
			tasks();
			issues();
			eventsNotAfterPeriod("violations", "on");
			eventsNotAfterPeriod("exposures", "on");
			eventsNotAfterPeriod("interviews", "on");
			eventsNotAfterPeriod("monitoringAlarms", "at");
			eventsNotAfterPeriod("inspections", "at");
		}

		private void subjects() {
			List<Map<String, Object>> subjects = this.rows.get("subjects");
			Map<String, Integer> firstIndex = new HashMap<>();
			for (int i = 0; i < subjects.size(); i++) {
				Map<String, Object> s = subjects.get(i);
				String id = (String) s.get("id");
				if (id == null) {
					continue;
				}
				if (firstIndex.containsKey(id)) {
					this.v.problem("subjects", i, "id", "DUPLICATE_ID", "主体编号 " + id + " 重复（第" + (firstIndex.get(id) + 1) + "行已使用）",
							"duplicate subject id " + id + " (already used in row " + (firstIndex.get(id) + 1) + ")");
					continue;
				}
				firstIndex.put(id, i);
				if (s.get("type") != null) {
					this.subjectTypes.put(id, SubjectType.valueOf((String) s.get("type")));
				}
			}
			for (int i = 0; i < subjects.size(); i++) {
				Map<String, Object> s = subjects.get(i);
				if (s.get("id") != null && s.get("id").equals(s.get("parentId"))) {
					this.v.problem("subjects", i, "parentId", "SELF_REFERENCE", "主体不能以自身为上级", "a subject cannot be its own parent");
				}
			}
		}

		private void references(FactTable table) {
			List<Map<String, Object>> list = this.rows.get(table.name());
			for (Column c : table.columns()) {
				if (c.type() != ColumnType.SUBJECT_REF) {
					continue;
				}
				for (int i = 0; i < list.size(); i++) {
					String ref = (String) list.get(i).get(c.name());
					if (ref == null) {
						continue;
					}
					SubjectType type = this.subjectTypes.get(ref);
					if (type == null) {
						this.v.problem(table.name(), i, c.name(), "UNKNOWN_SUBJECT",
								c.name() + " 引用了文档中不存在的主体 " + ref + "（请先在 subjects 中登记）",
								c.name() + " refers to subject " + ref + ", which is not in the document's subjects");
					}
					else if (!c.refTypes().isEmpty() && !c.refTypes().contains(type)) {
						this.v.problem(table.name(), i, c.name(), "WRONG_SUBJECT_TYPE",
								c.name() + " 须指向 " + c.refTypes() + " 类型的主体，" + ref + " 是 " + type,
								c.name() + " must refer to a subject of type " + c.refTypes() + ", but " + ref + " is " + type);
					}
				}
			}
		}

		private void uniqueIds(String table, String field) {
			uniqueKeys(table, List.of(field));
		}

		private void uniqueKeys(String table, List<String> fields) {
			Map<List<Object>, Integer> seen = new HashMap<>();
			List<Map<String, Object>> list = this.rows.get(table);
			for (int i = 0; i < list.size(); i++) {
				List<Object> key = new ArrayList<>();
				for (String f : fields) {
					key.add(list.get(i).get(f));
				}
				if (key.contains(null)) {
					continue;
				}
				Integer first = seen.putIfAbsent(key, i);
				if (first != null) {
					String what = String.join("+", fields);
					this.v.problem(table, i, fields.get(0), fields.size() == 1 ? "DUPLICATE_ID" : "DUPLICATE_ROW",
							table + " 中 " + what + " = " + key + " 重复（第" + (first + 1) + "行已有）",
							"duplicate " + what + " " + key + " in " + table + " (already in row " + (first + 1) + ")");
				}
			}
		}

		private void periodsAndIndicators(String table) {
			List<Map<String, Object>> list = this.rows.get(table);
			for (int i = 0; i < list.size(); i++) {
				Map<String, Object> r = list.get(i);
				Period p = (Period) r.get("period");
				if (p != null && this.period != null && !this.period.contains(p) && !p.contains(this.period)) {
					this.v.problem(table, i, "period", "PERIOD_OUTSIDE_DOCUMENT",
							"期间 " + p + " 不在文档期间 " + this.period + " 之内",
							"period " + p + " is not within the document's period " + this.period);
				}
				String indicator = (String) r.get("indicator");
				if (indicator != null && this.context != null && !this.context.indicators().contains(indicator)) {
					this.v.problem(table, i, "indicator", "UNKNOWN_INDICATOR",
							"未知的指标 " + indicator + "（参数文件 indicators 中登记的有：" + String.join("、", this.context.indicators()) + "）",
							"unknown indicator " + indicator + "; the parameter file declares " + this.context.indicators());
				}
			}
		}

		private void rankings() {
			List<Map<String, Object>> list = this.rows.get("rankings");
			for (int i = 0; i < list.size(); i++) {
				Long rank = (Long) list.get(i).get("rank");
				Long of = (Long) list.get(i).get("of");
				if (rank != null && rank < 1) {
					this.v.problem("rankings", i, "rank", "BAD_RANK", "名次须从1开始", "rank must be at least 1");
				}
				if (of != null && of < 1) {
					this.v.problem("rankings", i, "of", "BAD_RANK", "参评数须至少为1", "of must be at least 1");
				}
				if (rank != null && of != null && rank > of) {
					this.v.problem("rankings", i, "rank", "RANK_EXCEEDS_OF", "名次 " + rank + " 大于参评数 " + of,
							"rank " + rank + " is greater than of " + of);
				}
			}
		}

		@SuppressWarnings("unchecked")
		private void inspections() {
			if (this.context == null || this.context.checklist() == null) {
				return;
			}
			List<Map<String, Object>> list = this.rows.get("inspections");
			for (int i = 0; i < list.size(); i++) {
				Map<String, Boolean> items = (Map<String, Boolean>) list.get(i).get("items");
				if (items == null) {
					continue;
				}
				List<String> missing = new ArrayList<>();
				for (String code : this.context.checklist().codes()) {
					if (!items.containsKey(code)) {
						missing.add(code);
					}
				}
				if (!missing.isEmpty()) {
					List<String> labels = missing.stream().map(c -> c + "（" + this.context.checklist().labelOf(c) + "）").toList();
					this.v.problem("inspections", i, "items", "MISSING_CHECKLIST_ITEM",
							"检查缺少清单「" + this.context.checklist().label() + "」的检查项：" + String.join("、", labels),
							"inspection lacks checklist item(s) of profile " + this.context.checklist().name() + ": " + missing);
				}
			}
		}

		private void tasks() {
			List<Map<String, Object>> list = this.rows.get("tasks");
			for (int i = 0; i < list.size(); i++) {
				Map<String, Object> t = list.get(i);
				Double planned = (Double) t.get("planned");
				Double done = (Double) t.get("done");
				if (planned != null && done != null && done > planned) {
					this.v.problem("tasks", i, "done", "DONE_EXCEEDS_PLANNED", "完成量 " + num(done) + " 大于计划量 " + num(planned),
							"done " + num(done) + " exceeds planned " + num(planned));
				}
				LocalDate completedOn = (LocalDate) t.get("completedOn");
				if (completedOn != null && planned != null && done != null && done < planned) {
					this.v.problem("tasks", i, "completedOn", "COMPLETED_BUT_NOT_DONE",
							"填写了完成日期 " + completedOn + "，但完成量 " + num(done) + " 小于计划量 " + num(planned),
							"completedOn " + completedOn + " is given but done " + num(done) + " is below planned " + num(planned));
				}
				if (completedOn != null && this.period != null && completedOn.isAfter(this.period.end())) {
					this.v.problem("tasks", i, "completedOn", "DATE_AFTER_PERIOD",
							"完成日期 " + completedOn + " 晚于文档期间末 " + this.period.end(),
							"completedOn " + completedOn + " is after the end of the document's period " + this.period.end());
				}
			}
		}

		private void issues() {
			List<Map<String, Object>> list = this.rows.get("issues");
			for (int i = 0; i < list.size(); i++) {
				Map<String, Object> r = list.get(i);
				LocalDate found = (LocalDate) r.get("foundOn");
				LocalDate deadline = (LocalDate) r.get("deadline");
				LocalDate rectified = (LocalDate) r.get("rectifiedOn");
				LocalDate closed = (LocalDate) r.get("closedOn");
				for (String field : List.of("foundOn", "rectifiedOn", "closedOn")) {
					LocalDate d = (LocalDate) r.get(field);
					if (d != null && this.period != null && d.isAfter(this.period.end())) {
						this.v.problem("issues", i, field, "DATE_AFTER_PERIOD", field + " 的日期 " + d + " 晚于文档期间末 " + this.period.end()
								+ "（以后的整改情况请在以后期间的文档中上报）",
								field + " " + d + " is after the end of the document's period " + this.period.end());
					}
				}
				order(i, "deadline", found, deadline, "整改期限早于发现日期", "deadline is before foundOn");
				order(i, "rectifiedOn", found, rectified, "整改完成日期早于发现日期", "rectifiedOn is before foundOn");
				order(i, "closedOn", rectified, closed, "销号日期早于整改完成日期", "closedOn is before rectifiedOn");
				if (closed != null && rectified == null && r.containsKey("closedOn")) {
					this.v.problem("issues", i, "closedOn", "CLOSED_WITHOUT_RECTIFICATION", "未整改的问题不能销号（缺少 rectifiedOn）",
							"an issue cannot be closed without rectifiedOn");
				}
				if (r.get("id") != null && r.get("id").equals(r.get("relapseOf"))) {
					this.v.problem("issues", i, "relapseOf", "SELF_REFERENCE", "问题不能是自身的反弹", "an issue cannot relapse itself");
				}
			}
		}

		private void order(int index, String field, LocalDate earlier, LocalDate later, String zh, String en) {
			if (earlier != null && later != null && later.isBefore(earlier)) {
				this.v.problem("issues", index, field, "DATES_OUT_OF_ORDER", zh + "（" + later + " 早于 " + earlier + "）",
						en + " (" + later + " < " + earlier + ")");
			}
		}

		private void eventsNotAfterPeriod(String table, String field) {
			if (this.period == null) {
				return;
			}
			List<Map<String, Object>> list = this.rows.get(table);
			for (int i = 0; i < list.size(); i++) {
				Object value = list.get(i).get(field);
				LocalDate date = (value instanceof LocalDateTime dt) ? dt.toLocalDate() : (LocalDate) value;
				if (date != null && date.isAfter(this.period.end())) {
					this.v.problem(table, i, field, "DATE_AFTER_PERIOD", field + " 的日期 " + date + " 晚于文档期间 " + this.period + " 的最后一天 "
							+ this.period.end(), field + " " + date + " is after the last day of the document's period " + this.period);
				}
			}
		}

		private static String num(double d) {
			return org.kaohe.facts.Narration.number(d);
		}

	}

	/** For tests and tools: the set of error codes in a result. */
	static Set<String> codes(List<FactProblem> problems) {
		Set<String> codes = new HashSet<>();
		problems.forEach(p -> codes.add(p.code()));
		return codes;
	}

}
