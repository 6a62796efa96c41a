package org.kaohe.ingest;

import java.util.List;
import java.util.Optional;

/**
 * A table of the fact document: its JSON array name (also the CSV file and XLSX sheet name), Chinese
 * name and columns.
 */
public record FactTable(String name, String label, List<Column> columns) {

	public Optional<Column> column(String name) {
		return this.columns.stream().filter(c -> c.name().equals(name)).findFirst();
	}

}
