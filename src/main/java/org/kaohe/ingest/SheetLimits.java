package org.kaohe.ingest;

/**
 * What an uploaded spreadsheet may be, against mistakes and hostile files: rows and columns per sheet
 * or CSV file, and for XLSX (a zip of XML parts) how large a part may inflate and by what ratio.
 *
 * @param maxRows data rows per sheet or CSV file
 * @param maxColumns columns per sheet or CSV file
 * @param maxInflatedBytes bytes a workbook may inflate to, all its parts together
 * @param maxCompressionRatio how many times larger than its compressed size a part may inflate (a zip bomb
 * inflates thousands of times; real workbooks 5 to 30)
 * @param maxParts parts (zip entries) a workbook may have
 */
public record SheetLimits(int maxRows, int maxColumns, long maxInflatedBytes, int maxCompressionRatio, int maxParts) {

	/** The defaults of {@code kaohe.upload.*}. */
	public static final SheetLimits DEFAULTS = new SheetLimits(1_000_000, 200, 2_000_000_000L, 100, 1_000);

	public SheetLimits withRows(int rows) {
		return new SheetLimits(rows, this.maxColumns, this.maxInflatedBytes, this.maxCompressionRatio, this.maxParts);
	}

}
