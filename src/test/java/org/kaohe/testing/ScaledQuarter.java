package org.kaohe.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.kaohe.ingest.FactJson;

/**
 * A demo-city quarter made large for the reliability tests: its enterprises and construction sites are
 * copied {@code copies} times (IDs suffixed {@code -1}, {@code -2} …) into the same counties, with every
 * row that concerns them (inspections, issues, violations, alarms …). The copy is as valid as the
 * original and about 1 000 rows larger per copy; its outcomes grow alike. Not the benchmarks' province
 * generator: a quick way to a write that lasts long enough to be interrupted.
 */
public final class ScaledQuarter {

	/** Fields that name a subject. */
	private static final List<String> REFERENCES = List.of("subjectId", "siteId", "ownerId", "objectId", "builderId",
			"departmentId");

	private ScaledQuarter() {
	}

	/** {@code fixtures/demo-city/<quarter>.json} with {@code copies} extra copies of its enterprises and sites. */
	public static ObjectNode of(String quarter, int copies) {
		ObjectNode base;
		try {
			base = (ObjectNode) FactJson.mapper().readTree(Path.of("fixtures", "demo-city", quarter + ".json").toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Set<String> copied = new HashSet<>();
		for (JsonNode s : base.get("subjects")) {
			String type = s.get("type").textValue();
			if (type.equals("ENTERPRISE") || type.equals("SITE")) {
				copied.add(s.get("id").textValue());
			}
		}
		ObjectNode scaled = base.deepCopy();
		for (int c = 1; c <= copies; c++) {
			String suffix = "-" + c;
			base.fields().forEachRemaining(table -> {
				if (!table.getValue().isArray()) {
					return;
				}
				ArrayNode target = (ArrayNode) scaled.get(table.getKey());
				for (JsonNode row : table.getValue()) {
					ObjectNode copy = copyOf((ObjectNode) row, table.getKey(), copied, suffix);
					if (copy != null) {
						target.add(copy);
					}
				}
			});
		}
		return scaled;
	}

	/** The row for one copy, or null when it concerns no copied subject. */
	private static ObjectNode copyOf(ObjectNode row, String table, Set<String> copied, String suffix) {
		if (table.equals("subjects")) {
			if (!copied.contains(row.get("id").textValue())) {
				return null;
			}
			ObjectNode s = row.deepCopy();
			s.put("id", row.get("id").textValue() + suffix);
			remap(s, "builderId", copied, suffix);
			return s;
		}
		boolean concerns = REFERENCES.stream().anyMatch(f -> row.hasNonNull(f) && copied.contains(row.get(f).asText()));
		if (!concerns) {
			return null;
		}
		ObjectNode r = row.deepCopy();
		REFERENCES.forEach(f -> remap(r, f, copied, suffix));
		if (row.hasNonNull("id")) {
			r.put("id", row.get("id").textValue() + suffix);
		}
		if (row.hasNonNull("relapseOf")) {
			r.put("relapseOf", row.get("relapseOf").textValue() + suffix);
		}
		return r;
	}

	private static void remap(ObjectNode row, String field, Set<String> copied, String suffix) {
		if (row.hasNonNull(field) && copied.contains(row.get(field).asText())) {
			row.put(field, row.get(field).asText() + suffix);
		}
	}

	/** Rows in all tables of a document. */
	public static int rows(JsonNode document) {
		int n = 0;
		for (JsonNode t : document) {
			if (t.isArray()) {
				n += t.size();
			}
		}
		return n;
	}

}
