package org.kaohe.fuzz;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * One change to a fact document, chosen by jqwik: a field dropped, given a wrong type, a huge number,
 * a bad date or garbage; a row duplicated or dropped; a table dropped or replaced. The numbers pick
 * the table, row and field (modulo their counts), so every mutation applies to any document and shrinks
 * towards the first table, row and field.
 */
public record JsonMutation(Op op, int table, int row, int field, JsonNode value) {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	public enum Op {
		SET_FIELD, DROP_FIELD, ADD_FIELD, DUPLICATE_ROW, DROP_ROW, ROW_TO_VALUE, REPLACE_TABLE, DROP_TABLE, SET_TOP_LEVEL
	}

	public static Arbitrary<JsonMutation> any() {
		Arbitrary<Integer> index = Arbitraries.integers().between(0, 1_000);
		return Combinators.combine(Arbitraries.of(Op.class), index, index, index, Values.json()).as(JsonMutation::new);
	}

	public void applyTo(ObjectNode document) {
		List<String> tables = new ArrayList<>();
		document.fieldNames().forEachRemaining(tables::add);
		if (this.op == Op.SET_TOP_LEVEL) {
			String[] fields = { "period", "schemaVersion", "submittedBy", "unknownField" };
			document.set(fields[this.field % fields.length], this.value);
			return;
		}
		List<String> arrays = tables.stream().filter(t -> document.get(t).isArray()).toList();
		if (arrays.isEmpty()) {
			return;
		}
		String name = arrays.get(this.table % arrays.size());
		ArrayNode rows = (ArrayNode) document.get(name);
		switch (this.op) {
			case REPLACE_TABLE -> document.set(name, this.value);
			case DROP_TABLE -> document.remove(name);
			default -> {
				if (rows.isEmpty()) {
					return;
				}
				int r = this.row % rows.size();
				JsonNode row = rows.get(r);
				switch (this.op) {
					case DUPLICATE_ROW -> rows.insert(r, row.deepCopy());
					case DROP_ROW -> rows.remove(r);
					case ROW_TO_VALUE -> rows.set(r, this.value);
					default -> changeField(row);
				}
			}
		}
	}

	private void changeField(JsonNode row) {
		if (!(row instanceof ObjectNode object)) {
			return;
		}
		List<String> fields = new ArrayList<>();
		object.fieldNames().forEachRemaining(fields::add);
		if (this.op == Op.ADD_FIELD || fields.isEmpty()) {
			object.set("extra" + this.field, this.value);
			return;
		}
		String f = fields.get(this.field % fields.size());
		if (this.op == Op.DROP_FIELD) {
			object.remove(f);
		}
		else {
			object.set(f, this.value);
		}
	}

	/** Values that break fact documents: wrong types, extremes, bad dates, odd text. */
	static final class Values {

		private Values() {
		}

		static Arbitrary<JsonNode> json() {
			return Arbitraries.oneOf(Values.text().map(NODES::textNode), extremes(), Arbitraries.just(NODES.nullNode()),
					Arbitraries.of(true, false).map(NODES::booleanNode), Arbitraries.integers().map(NODES::numberNode),
					Arbitraries.just(NODES.arrayNode()), Arbitraries.just(NODES.objectNode().put("x", 1)));
		}

		static Arbitrary<JsonNode> extremes() {
			return Arbitraries.of(NODES.numberNode(1e308), NODES.numberNode(-1e308), NODES.numberNode(Double.MIN_VALUE),
					NODES.numberNode(new BigInteger("123456789012345678901234567890")), NODES.numberNode(Long.MIN_VALUE),
					NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(-1), NODES.numberNode(0.5), NODES.numberNode(new java.math.BigDecimal("1e-400")),
					NODES.numberNode(new java.math.BigDecimal("9e999")));
		}

		/** Text: bad dates and periods, enumerations that are not, control and CJK characters, very long. */
		static Arbitrary<String> text() {
			return Arbitraries.oneOf(Arbitraries.of("2026-02-30", "2026-13-01", "0000-00-00", "99999-01-01", "2026-8-31",
					"2026/02/30", "2026-08-31T25:61:00", "T10:00", "2026-Q5", "2026-W54", "2026-00", "9999-Q4", "-2026-Q1", "Q3",
					"NaN", "Infinity", "-0", "1e309", "0x1F", "", " ", "true", "是", "否", "null", "COUNTY", "ENTERPRISE",
					"UNKNOWN_ENUM", "=1+1", "'; DROP TABLE fact_row; --", "\u0000", "\ufeff", "\u202e反转", "x".repeat(70_000)),
					Arbitraries.strings().withCharRange('\u0000', '\u007f').withCharRange('\u4e00', '\u4e20').ofMaxLength(30));
		}

	}

}
