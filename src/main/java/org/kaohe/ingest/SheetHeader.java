package org.kaohe.ingest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.kaohe.rules.ChecklistProfile;

/**
 * Reads the header cell of a spreadsheet column: the English field name ({@code done}), the Chinese
 * label ({@code 完成量}), both as the template writes them ({@code 完成量 / done}), or a checklist item
 * ({@code items.FENCING}, {@code 围挡 / items.FENCING}, or the item's Chinese name alone).
 */
final class SheetHeader {

	/** Prefix of the checklist item columns; the JSON field is {@code items}. */
	static final String ITEMS = "items";

	private SheetHeader() {
	}

	/** What the template writes in the header cell of a column. */
	static String of(Column column) {
		return column.label() + " / " + column.name();
	}

	/** What the template writes in the header cell of a checklist item. */
	static String ofItem(String code, String label) {
		return label + " / " + ITEMS + "." + code;
	}

	/**
	 * The field a header names: a column of the table or {@code items.CODE}.
	 *
	 * @param checklist the profile in force, to recognise item names; may be null
	 * @return the field, empty when the header names nothing of the table or names two different
	 * fields
	 */
	static Optional<String> field(FactTable table, String header, ChecklistProfile checklist) {
		String h = clean(header);
		Optional<String> whole = match(table, h, checklist);
		if (whole.isPresent()) {
			return whole;
		}
		Set<String> found = new LinkedHashSet<>();
		for (String part : parts(h)) {
			match(table, part, checklist).ifPresent(found::add);
		}
		return (found.size() == 1) ? Optional.of(found.iterator().next()) : Optional.empty();
	}

	private static List<String> parts(String header) {
		List<String> parts = new ArrayList<>();
		for (String p : header.split("[/／]")) {
			parts.add(clean(p));
		}
		// "完成量(done)", "完成量（done）"
		int open = Math.max(header.lastIndexOf('('), header.lastIndexOf('（'));
		if (open > 0 && (header.endsWith(")") || header.endsWith("）"))) {
			parts.add(clean(header.substring(0, open)));
			parts.add(clean(header.substring(open + 1, header.length() - 1)));
		}
		return parts;
	}

	private static Optional<String> match(FactTable table, String text, ChecklistProfile checklist) {
		if (text.isEmpty()) {
			return Optional.empty();
		}
		boolean hasItems = table.column(ITEMS).filter(c -> c.type() == ColumnType.CHECKLIST).isPresent();
		for (Column c : table.columns()) {
			if (c.type() == ColumnType.CHECKLIST) {
				continue;
			}
			if (c.name().equalsIgnoreCase(text) || c.label().equals(text)) {
				return Optional.of(c.name());
			}
		}
		if (!hasItems) {
			return Optional.empty();
		}
		if (text.toLowerCase(Locale.ROOT).startsWith(ITEMS + ".")) {
			String code = text.substring(ITEMS.length() + 1).trim();
			if (checklist != null) {
				for (String known : checklist.codes()) {
					if (known.equalsIgnoreCase(code)) {
						return Optional.of(ITEMS + "." + known);
					}
				}
			}
			return code.isEmpty() ? Optional.empty() : Optional.of(ITEMS + "." + code.toUpperCase(Locale.ROOT));
		}
		if (checklist != null) {
			for (var item : checklist.items().entrySet()) {
				if (item.getValue().equals(text) || item.getKey().equals(text)) {
					return Optional.of(ITEMS + "." + item.getKey());
				}
			}
		}
		return Optional.empty();
	}

	/** Trims, drops a stray byte-order mark and folds inner whitespace. */
	static String clean(String text) {
		if (text == null) {
			return "";
		}
		return text.replace("\uFEFF", "").replace('\u00A0', ' ').replace('\u3000', ' ').trim().replaceAll("\\s+", " ");
	}

}
