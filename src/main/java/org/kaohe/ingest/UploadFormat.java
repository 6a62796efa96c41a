package org.kaohe.ingest;

/** How a period document arrived. */
public enum UploadFormat {

	/** A JSON fact document (SPEC §4). */
	JSON,

	/** An XLSX workbook, one sheet per table. */
	XLSX,

	/** CSV files, one per table. */
	CSV

}
