package org.kaohe.rules;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.nodes.Node;

import org.kaohe.facts.PersonRole;
import org.kaohe.outcome.Measure;

/**
 * {@code rules/parameters.yaml}: every threshold, K, N, ladder and amount the rules use, declared
 * once with its type and source, and given values in dated versions.
 *
 * <pre>
 * definitions:
 *   weeklyBottomK: {type: integer, min: 1, label: 周排名靠后位数K, unit: 位, source: "[INV] 方城县"}
 * versions:
 *   - validFrom: 2020-01-01
 *     comment: 初始参数
 *     values: {weeklyBottomK: 3, …}
 *   - validFrom: 2026-07-01
 *     comment: 第三季度起收紧
 *     values: {weeklyBottomK: 2}
 * </pre>
 *
 * <p>The first version must give every declared parameter; a later version lists only what it
 * changes and inherits the rest. The version in force for a period is the latest whose
 * {@code validFrom} is on or before the period's first day, so a change never applies halfway
 * through a quarter.
 */
public final class ParameterFile {

	public static final String FILE = "parameters.yaml";

	private static final Set<String> DEFINITION_KEYS = Set.of("type", "label", "unit", "source", "min", "max",
			"values", "fields", "rules", "note");

	private static final Set<String> VERSION_KEYS = Set.of("validFrom", "comment", "author", "values");

	private static final Set<String> FIELD_TYPES = Set.of("integer", "number", "string", "boolean", "measure", "role");

	private final Map<String, ParameterDefinition> definitions;

	private final List<Version> versions;

	private final ChecklistProfiles checklists;

	private ParameterFile(Map<String, ParameterDefinition> definitions, List<Version> versions,
			ChecklistProfiles checklists) {
		this.definitions = definitions;
		this.versions = versions;
		this.checklists = checklists;
	}

	/**
	 * Parses and checks the file; every problem found is added to {@code problems} (the file is
	 * usable only when none were added).
	 */
	public static ParameterFile parse(String text, ChecklistProfiles checklists, List<RuleProblem> problems) {
		YamlTree yaml = new YamlTree(FILE, problems);
		Map<String, ParameterDefinition> definitions = new LinkedHashMap<>();
		List<Version> versions = new ArrayList<>();
		Node root = yaml.parse(text);
		if (root != null) {
			Map<String, Node> top = yaml.mapping(root, "file");
			top.keySet()
				.stream()
				.filter(k -> !k.equals("definitions") && !k.equals("versions"))
				.forEach(k -> yaml.problem(top.get(k), "UNKNOWN_KEY", "未知的键 / unknown key: " + k));
			if (top.containsKey("definitions")) {
				yaml.mapping(top.get("definitions"), "definitions")
					.forEach((name, node) -> parseDefinition(yaml, name, node, definitions));
			}
			else {
				yaml.problem(root, "MISSING_KEY", "缺少 definitions / missing 'definitions'");
			}
			if (top.containsKey("versions")) {
				for (Node v : yaml.sequence(top.get("versions"), "versions")) {
					Version version = parseVersion(yaml, v, definitions, checklists);
					if (version != null) {
						versions.add(version);
					}
				}
			}
			else {
				yaml.problem(root, "MISSING_KEY", "缺少 versions / missing 'versions'");
			}
		}
		versions.sort(Comparator.comparing(Version::validFrom));
		checkTimeline(yaml, versions, definitions);
		return new ParameterFile(definitions, versions, checklists);
	}

	private static void parseDefinition(YamlTree yaml, String name, Node node,
			Map<String, ParameterDefinition> definitions) {
		if (!name.matches("[a-z][A-Za-z0-9]*")) {
			yaml.problem(node, "BAD_NAME", "参数名须为小驼峰英文 / parameter names are lowerCamelCase: " + name);
		}
		Map<String, Node> d = yaml.mapping(node, "definition of " + name);
		d.keySet()
			.stream()
			.filter(k -> !DEFINITION_KEYS.contains(k))
			.forEach(k -> yaml.problem(d.get(k), "UNKNOWN_KEY", "参数 " + name + " 的定义中有未知的键 / unknown key in definition: " + k));
		String typeText = d.containsKey("type") ? yaml.scalar(d.get("type"), "type") : null;
		ParameterType type = null;
		if (typeText == null) {
			yaml.problem(node, "MISSING_TYPE", "参数 " + name + " 缺少 type / parameter " + name + " has no type");
		}
		else {
			try {
				type = ParameterType.valueOf(typeText.toUpperCase(Locale.ROOT).replace('-', '_'));
			}
			catch (IllegalArgumentException ex) {
				yaml.problem(d.get("type"), "UNKNOWN_TYPE", "未知的参数类型 / unknown parameter type: " + typeText);
			}
		}
		Double min = d.containsKey("min") ? toDouble(yaml, d.get("min"), "min") : null;
		Double max = d.containsKey("max") ? toDouble(yaml, d.get("max"), "max") : null;
		List<String> values = new ArrayList<>();
		if (d.containsKey("values")) {
			yaml.sequence(d.get("values"), "values").forEach(n -> values.add(yaml.scalar(n, "value")));
		}
		if (type == ParameterType.ENUM && values.isEmpty()) {
			yaml.problem(node, "MISSING_VALUES", "枚举参数 " + name + " 须列出 values / enum parameter needs 'values'");
		}
		Map<String, String> fields = new LinkedHashMap<>();
		if (d.containsKey("fields")) {
			yaml.mapping(d.get("fields"), "fields").forEach((f, n) -> {
				String ft = yaml.scalar(n, "field type");
				if (ft != null && !FIELD_TYPES.contains(ft)) {
					yaml.problem(n, "UNKNOWN_TYPE", "阶梯字段类型须为 " + FIELD_TYPES + " / field type must be one of " + FIELD_TYPES);
				}
				fields.put(f, ft);
			});
		}
		if (type == ParameterType.LADDER && fields.isEmpty()) {
			yaml.problem(node, "MISSING_FIELDS", "阶梯参数 " + name + " 须声明 fields / ladder parameter needs 'fields'");
		}
		String label = d.containsKey("label") ? yaml.scalar(d.get("label"), "label") : null;
		if (label == null || label.isBlank()) {
			yaml.problem(node, "MISSING_LABEL", "参数 " + name + " 缺少中文名称 label / parameter " + name + " has no label");
		}
		String unit = d.containsKey("unit") ? yaml.scalar(d.get("unit"), "unit") : "";
		String source = d.containsKey("source") ? yaml.scalar(d.get("source"), "source") : "";
		if (type != null) {
			definitions.put(name, new ParameterDefinition(name, type, label, unit, source, min, max, List.copyOf(values),
					fields, YamlTree.line(node)));
		}
	}

	private static Version parseVersion(YamlTree yaml, Node node, Map<String, ParameterDefinition> definitions,
			ChecklistProfiles checklists) {
		Map<String, Node> v = yaml.mapping(node, "version");
		v.keySet()
			.stream()
			.filter(k -> !VERSION_KEYS.contains(k))
			.forEach(k -> yaml.problem(v.get(k), "UNKNOWN_KEY", "版本中有未知的键 / unknown key in version: " + k));
		LocalDate validFrom = null;
		if (!v.containsKey("validFrom")) {
			yaml.problem(node, "MISSING_VALID_FROM", "版本缺少 validFrom / version has no validFrom");
		}
		else {
			String text = yaml.scalar(v.get("validFrom"), "validFrom");
			try {
				validFrom = LocalDate.parse(text);
			}
			catch (DateTimeParseException | NullPointerException ex) {
				yaml.problem(v.get("validFrom"), "BAD_DATE", "validFrom 须为日期 YYYY-MM-DD / validFrom must be a date: " + text);
			}
		}
		String comment = v.containsKey("comment") ? yaml.scalar(v.get("comment"), "comment") : "";
		Map<String, Object> values = new LinkedHashMap<>();
		java.util.Set<String> named = new java.util.LinkedHashSet<>();
		if (v.containsKey("values")) {
			yaml.mapping(v.get("values"), "values").forEach((name, valueNode) -> {
				named.add(name);
				ParameterDefinition d = definitions.get(name);
				if (d == null) {
					yaml.problem(valueNode, "UNKNOWN_PARAMETER", "未定义的参数 / parameter not declared in definitions: " + name);
					return;
				}
				Object value = new ValueReader(yaml, checklists).read(d, valueNode);
				if (value != null) {
					values.put(name, value);
				}
			});
		}
		else {
			yaml.problem(node, "MISSING_KEY", "版本缺少 values / version has no values");
		}
		return (validFrom != null) ? new Version(validFrom, comment, values, YamlTree.line(node), named) : null;
	}

	private static void checkTimeline(YamlTree yaml, List<Version> versions, Map<String, ParameterDefinition> definitions) {
		if (versions.isEmpty()) {
			return;
		}
		for (int i = 1; i < versions.size(); i++) {
			if (versions.get(i).validFrom().equals(versions.get(i - 1).validFrom())) {
				yaml.problem(null, "OVERLAPPING_VERSIONS", "两个版本的 validFrom 相同，生效区间重叠 / two versions share validFrom "
						+ versions.get(i).validFrom() + " (lines " + versions.get(i - 1).line() + " and " + versions.get(i).line() + ")");
			}
		}
		Version first = versions.get(0);
		for (ParameterDefinition d : definitions.values()) {
			if (!first.named().contains(d.name())) {
				yaml.problem(null, "MISSING_VALUE", "最早的版本（" + first.validFrom() + "，第" + first.line() + "行）必须给出参数 "
						+ d.name() + " / the first version must set every parameter; missing " + d.name());
			}
		}
	}

	private static Double toDouble(YamlTree yaml, Node node, String what) {
		String t = yaml.scalar(node, what);
		try {
			return (t != null) ? Double.valueOf(t) : null;
		}
		catch (NumberFormatException ex) {
			yaml.problem(node, "WRONG_TYPE", what + " 须为数字 / must be a number: " + t);
			return null;
		}
	}

	/**
	 * The parameters in force on {@code date}: every version up to it applied in order.
	 *
	 * @throws IllegalArgumentException if no version is valid yet on that day
	 */
	public Parameters inForce(LocalDate date) {
		Map<String, Object> merged = new HashMap<>();
		LocalDate from = null;
		for (Version v : this.versions) {
			if (v.validFrom().isAfter(date)) {
				break;
			}
			merged.putAll(v.values());
			from = v.validFrom();
		}
		if (from == null) {
			throw new IllegalArgumentException("没有在 " + date + " 生效的参数版本 / no parameter version is valid on " + date);
		}
		ChecklistProfile checklist = null;
		for (ParameterDefinition d : this.definitions.values()) {
			if (d.type() == ParameterType.CHECKLIST_PROFILE && merged.get(d.name()) != null) {
				checklist = this.checklists.get((String) merged.get(d.name()));
			}
		}
		Map<String, IndicatorDefinition> indicators = new LinkedHashMap<>();
		for (ParameterDefinition d : this.definitions.values()) {
			if (d.type() == ParameterType.INDICATORS && merged.get(d.name()) instanceof Map<?, ?> m) {
				m.forEach((k, v) -> indicators.put((String) k, (IndicatorDefinition) v));
			}
		}
		return new Parameters(from, merged, this.definitions, checklist, indicators);
	}

	public Map<String, ParameterDefinition> definitions() {
		return this.definitions;
	}

	/** Versions in {@code validFrom} order. */
	public List<Version> versions() {
		return this.versions;
	}

	public ChecklistProfiles checklists() {
		return this.checklists;
	}

	/** One dated version of the values (only those it sets). */
	public record Version(LocalDate validFrom, String comment, Map<String, Object> values, int line,
			java.util.Set<String> named) {

		Version(LocalDate validFrom, String comment, Map<String, Object> values, int line) {
			this(validFrom, comment, values, line, values.keySet());
		}

	}

	/** Reads a value node as the type its definition declares, reporting where it is wrong. */
	private static final class ValueReader {

		private final YamlTree yaml;

		private final ChecklistProfiles checklists;

		ValueReader(YamlTree yaml, ChecklistProfiles checklists) {
			this.yaml = yaml;
			this.checklists = checklists;
		}

		Object read(ParameterDefinition d, Node node) {
			String where = "参数 " + d.name() + " / parameter " + d.name();
			return switch (d.type()) {
				case INTEGER -> bounded(d, node, integer(node, where));
				case NUMBER -> bounded(d, node, number(node, where));
				case BOOLEAN -> bool(node, where);
				case STRING -> this.yaml.scalar(node, where);
				case ENUM -> {
					String t = this.yaml.scalar(node, where);
					if (t != null && !d.values().contains(t)) {
						this.yaml.problem(node, "BAD_VALUE", where + " 须为 " + d.values() + " 之一 / must be one of " + d.values() + ": " + t);
						yield null;
					}
					yield t;
				}
				case LIST -> {
					List<String> items = new ArrayList<>();
					this.yaml.sequence(node, where).forEach(n -> items.add(this.yaml.scalar(n, where)));
					yield List.copyOf(items);
				}
				case LADDER -> ladder(d, node, where);
				case TIERS -> tiers(node, where);
				case INDICATORS -> indicators(node, where);
				case CHECKLIST_PROFILE -> {
					String t = this.yaml.scalar(node, where);
					if (t != null && this.checklists.get(t) == null) {
						this.yaml.problem(node, "UNKNOWN_PROFILE", where + " 引用了 " + ChecklistProfiles.FILE + " 中不存在的清单 / names no profile in "
								+ ChecklistProfiles.FILE + ": " + t);
						yield null;
					}
					yield t;
				}
			};
		}

		private Object bounded(ParameterDefinition d, Node node, Number n) {
			if (n == null) {
				return null;
			}
			if (d.min() != null && n.doubleValue() < d.min()) {
				this.yaml.problem(node, "OUT_OF_RANGE", "参数 " + d.name() + " 不得小于 " + d.min() + " / must be ≥ " + d.min() + ": " + n);
				return null;
			}
			if (d.max() != null && n.doubleValue() > d.max()) {
				this.yaml.problem(node, "OUT_OF_RANGE", "参数 " + d.name() + " 不得大于 " + d.max() + " / must be ≤ " + d.max() + ": " + n);
				return null;
			}
			return n;
		}

		private Integer integer(Node node, String where) {
			String t = this.yaml.scalar(node, where);
			if (t == null) {
				return null;
			}
			try {
				return Integer.valueOf(t.trim());
			}
			catch (NumberFormatException ex) {
				this.yaml.problem(node, "WRONG_TYPE", where + " 须为整数 / must be a whole number: " + t);
				return null;
			}
		}

		private Double number(Node node, String where) {
			String t = this.yaml.scalar(node, where);
			if (t == null) {
				return null;
			}
			try {
				return Double.valueOf(t.trim());
			}
			catch (NumberFormatException ex) {
				this.yaml.problem(node, "WRONG_TYPE", where + " 须为数字 / must be a number: " + t);
				return null;
			}
		}

		private Boolean bool(Node node, String where) {
			String t = this.yaml.scalar(node, where);
			if ("true".equals(t) || "false".equals(t)) {
				return Boolean.valueOf(t);
			}
			if (t != null) {
				this.yaml.problem(node, "WRONG_TYPE", where + " 须为 true 或 false / must be true or false: " + t);
			}
			return null;
		}

		private Ladder ladder(ParameterDefinition d, Node node, String where) {
			List<Ladder.Band> bands = new ArrayList<>();
			List<Integer> lines = new ArrayList<>();
			boolean ok = true;
			for (Node bandNode : this.yaml.sequence(node, where)) {
				Map<String, Node> b = this.yaml.mapping(bandNode, where + " band");
				Integer from = b.containsKey("from") ? integer(b.get("from"), where + " from") : null;
				Integer to = (b.containsKey("to") && !YamlTree.isNull(b.get("to"))) ? integer(b.get("to"), where + " to") : null;
				if (from == null) {
					this.yaml.problem(bandNode, "MISSING_FROM", where + " 的阶梯档缺少 from / ladder band needs 'from'");
					ok = false;
					continue;
				}
				if (to != null && to < from) {
					this.yaml.problem(bandNode, "BAD_BAND", where + " 的阶梯档 to 小于 from / band has to < from");
					ok = false;
				}
				Map<String, Object> fields = new LinkedHashMap<>();
				for (Map.Entry<String, Node> f : b.entrySet()) {
					if (f.getKey().equals("from") || f.getKey().equals("to")) {
						continue;
					}
					String type = d.fields().get(f.getKey());
					if (type == null) {
						this.yaml.problem(f.getValue(), "UNKNOWN_FIELD", where + " 的阶梯档有未声明的字段 / band field not declared in 'fields': " + f.getKey());
						ok = false;
						continue;
					}
					Object value = field(type, f.getValue(), where + "." + f.getKey());
					if (value == null && !YamlTree.isNull(f.getValue())) {
						ok = false;
					}
					fields.put(f.getKey(), value);
				}
				for (String declared : d.fields().keySet()) {
					if (!b.containsKey(declared) && !d.fields().get(declared).equals("role")) {
						this.yaml.problem(bandNode, "MISSING_FIELD", where + " 的阶梯档缺少字段 / band lacks field: " + declared);
						ok = false;
					}
				}
				java.util.HashMap<String, Object> nonNull = new java.util.HashMap<>();
				fields.forEach((k, v) -> {
					if (v != null) {
						nonNull.put(k, v);
					}
				});
				bands.add(new Ladder.Band(from, to, nonNull));
				lines.add(YamlTree.line(bandNode));
			}
			ok &= checkBands(node, where, bands);
			return ok ? new Ladder(bands.stream().sorted(Comparator.comparingInt(Ladder.Band::getFrom)).toList()) : null;
		}

		/** Bands sorted by {@code from} must touch: each starts right after the previous ends. */
		private boolean checkBands(Node node, String where, List<Ladder.Band> bands) {
			List<Ladder.Band> sorted = bands.stream().sorted(Comparator.comparingInt(Ladder.Band::getFrom)).toList();
			boolean ok = true;
			for (int i = 1; i < sorted.size(); i++) {
				Ladder.Band prev = sorted.get(i - 1);
				Ladder.Band cur = sorted.get(i);
				if (prev.getTo() == null || prev.getTo() >= cur.getFrom()) {
					this.yaml.problem(node, "LADDER_OVERLAP", where + " 的阶梯档重叠 / ladder bands overlap: " + prev.getRangeText() + " 与 "
							+ cur.getRangeText());
					ok = false;
				}
				else if (prev.getTo() + 1 < cur.getFrom()) {
					this.yaml.problem(node, "LADDER_GAP", where + " 的阶梯档有空档 / ladder has a gap: " + (prev.getTo() + 1) + "–"
							+ (cur.getFrom() - 1) + " 不属于任何档");
					ok = false;
				}
			}
			if (!sorted.isEmpty() && sorted.get(sorted.size() - 1).getTo() != null) {
				this.yaml.problem(node, "LADDER_GAP", where + " 的最后一档须不设上限（省略 to）/ the last band must be open-ended (no 'to'): "
						+ sorted.get(sorted.size() - 1).getRangeText());
				ok = false;
			}
			return ok;
		}

		private Object field(String type, Node node, String where) {
			if (YamlTree.isNull(node)) {
				return null;
			}
			return switch (type) {
				case "integer" -> integer(node, where);
				case "number" -> number(node, where);
				case "boolean" -> bool(node, where);
				case "measure" -> enumValue(Measure.class, node, where);
				case "role" -> enumValue(PersonRole.class, node, where);
				default -> this.yaml.scalar(node, where);
			};
		}

		private <E extends Enum<E>> E enumValue(Class<E> type, Node node, String where) {
			String t = this.yaml.scalar(node, where);
			try {
				return Enum.valueOf(type, t);
			}
			catch (IllegalArgumentException | NullPointerException ex) {
				this.yaml.problem(node, "BAD_VALUE", where + " 不是有效的 " + type.getSimpleName() + " / not a valid " + type.getSimpleName() + ": " + t);
				return null;
			}
		}

		private Tiers tiers(Node node, String where) {
			List<Tiers.Tier> tiers = new ArrayList<>();
			boolean ok = true;
			Double previous = null;
			List<Node> items = this.yaml.sequence(node, where);
			for (int i = 0; i < items.size(); i++) {
				Map<String, Node> t = this.yaml.mapping(items.get(i), where + " tier");
				Double upTo = (t.containsKey("upTo") && !YamlTree.isNull(t.get("upTo"))) ? number(t.get("upTo"), where + " upTo") : null;
				Double rate = t.containsKey("rate") ? number(t.get("rate"), where + " rate") : null;
				t.keySet().stream().filter(k -> !k.equals("upTo") && !k.equals("rate")).forEach(k -> this.yaml.problem(t.get(k),
						"UNKNOWN_FIELD", where + " 的分段只能有 upTo 和 rate / tiers have only upTo and rate: " + k));
				if (rate == null) {
					this.yaml.problem(items.get(i), "MISSING_RATE", where + " 的分段缺少 rate / tier needs 'rate'");
					ok = false;
					continue;
				}
				boolean last = (i == items.size() - 1);
				if (upTo == null && !last) {
					this.yaml.problem(items.get(i), "TIERS_OPEN_MIDDLE", where + " 只有最后一段可以不设 upTo / only the last tier may omit upTo");
					ok = false;
				}
				if (upTo != null && last) {
					this.yaml.problem(items.get(i), "LADDER_GAP", where + " 的最后一段须不设上限（省略 upTo）/ the last tier must be open-ended");
					ok = false;
				}
				if (upTo != null && previous != null && upTo <= previous) {
					this.yaml.problem(items.get(i), "LADDER_OVERLAP", where + " 的分段 upTo 须递增 / upTo must increase");
					ok = false;
				}
				if (upTo != null) {
					previous = upTo;
				}
				tiers.add(new Tiers.Tier(upTo, rate));
			}
			return ok ? new Tiers(tiers) : null;
		}

		private Map<String, IndicatorDefinition> indicators(Node node, String where) {
			Map<String, IndicatorDefinition> result = new LinkedHashMap<>();
			this.yaml.mapping(node, where).forEach((code, defNode) -> {
				Map<String, Node> m = this.yaml.mapping(defNode, where + "." + code);
				m.keySet().stream().filter(k -> !Set.of("label", "unit", "better").contains(k)).forEach(k -> this.yaml
					.problem(m.get(k), "UNKNOWN_FIELD", where + "." + code + " 有未知的键 / unknown key: " + k));
				String better = m.containsKey("better") ? this.yaml.scalar(m.get("better"), "better") : null;
				if (!"LOWER".equals(better) && !"HIGHER".equals(better)) {
					this.yaml.problem(defNode, "BAD_VALUE", "指标 " + code + " 的 better 须为 LOWER 或 HIGHER / better must be LOWER or HIGHER");
					return;
				}
				String label = m.containsKey("label") ? this.yaml.scalar(m.get("label"), "label") : code;
				String unit = m.containsKey("unit") ? this.yaml.scalar(m.get("unit"), "unit") : "";
				result.put(code, new IndicatorDefinition(code, label, unit, "LOWER".equals(better)));
			});
			return result;
		}

	}

}
