package org.kaohe.fuzz;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * One change to a set of CSV files (one per table): a cell replaced by garbage, a bad date, a huge
 * number or text with quotes, commas and line breaks; a header cell dropped or renamed; a line
 * duplicated or dropped; a column added; a file renamed, emptied, dropped or sent twice. Lines are split
 * on commas as the fixtures write them (no quoted commas), which is enough to aim at one cell.
 */
public record CsvMutation(Op op, int file, int line, int cell, String text) {

	public enum Op {
		SET_CELL, DROP_CELL, SET_HEADER, DROP_HEADER, DUPLICATE_LINE, DROP_LINE, ADD_COLUMN, RENAME_FILE, EMPTY_FILE,
		DROP_FILE, DUPLICATE_FILE
	}

	public static Arbitrary<CsvMutation> any() {
		Arbitrary<Integer> index = Arbitraries.integers().between(0, 1_000);
		Arbitrary<String> text = Arbitraries.oneOf(JsonMutation.Values.text(),
				Arbitraries.of("\"", "\"unterminated", "a,b,c", "line\r\nbreak", "1e999", "-99999999999999999999", "2026/2/30",
						"是否", "#comment", "items.UNKNOWN", "完成量 / done", "subjects.csv", "考核主体.csv", "x.txt", "../../etc/passwd.csv"));
		return Combinators.combine(Arbitraries.of(Op.class), index, index, index, text).as(CsvMutation::new);
	}

	/** Applies the change to files written in {@code charset}; returns the new files. */
	public Map<String, byte[]> applyTo(Map<String, byte[]> files, Charset charset) {
		Map<String, byte[]> out = new LinkedHashMap<>(files);
		List<String> names = new ArrayList<>(out.keySet());
		if (names.isEmpty()) {
			return out;
		}
		String name = names.get(this.file % names.size());
		switch (this.op) {
			case RENAME_FILE -> out.put(this.text, out.remove(name));
			case EMPTY_FILE -> out.put(name, new byte[0]);
			case DROP_FILE -> out.remove(name);
			case DUPLICATE_FILE -> out.put("copy-" + name, out.get(name));
			default -> out.put(name, String.join("\r\n", change(lines(out.get(name), charset))).getBytes(charset));
		}
		return out;
	}

	private List<String> change(List<String> lines) {
		if (lines.isEmpty()) {
			return lines;
		}
		boolean header = this.op == Op.SET_HEADER || this.op == Op.DROP_HEADER;
		int l = header ? 0 : ((lines.size() > 1) ? 1 + this.line % (lines.size() - 1) : 0);
		List<String> cells = new ArrayList<>(Arrays.asList(lines.get(l).split(",", -1)));
		int c = this.cell % cells.size();
		switch (this.op) {
			case SET_CELL, SET_HEADER -> cells.set(c, this.text);
			case DROP_CELL, DROP_HEADER -> cells.remove(c);
			case ADD_COLUMN -> cells.add(this.text);
			case DUPLICATE_LINE -> {
				lines.add(l, lines.get(l));
				return lines;
			}
			case DROP_LINE -> {
				lines.remove(l);
				return lines;
			}
			default -> {
				return lines;
			}
		}
		lines.set(l, String.join(",", cells));
		return lines;
	}

	private static List<String> lines(byte[] bytes, Charset charset) {
		return new ArrayList<>(Arrays.asList(new String(bytes, charset).split("\r\n", -1)));
	}

}
