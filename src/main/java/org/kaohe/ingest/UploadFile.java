package org.kaohe.ingest;

import java.nio.file.Path;

/**
 * One file of a multipart upload, spooled to disk so a large workbook is never held in memory whole.
 *
 * @param name the file name the client gave ({@code subjects.csv}, {@code 2026-Q3.xlsx})
 * @param path where its bytes are
 */
public record UploadFile(String name, Path path) {

	/** The name without any directory a browser may have sent, lower-cased for matching. */
	String simpleName() {
		String n = (this.name != null) ? this.name : "";
		int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
		return n.substring(slash + 1).trim();
	}

	/** The extension, lower-case, without the dot; empty when there is none. */
	String extension() {
		String n = simpleName();
		int dot = n.lastIndexOf('.');
		return (dot >= 0) ? n.substring(dot + 1).toLowerCase(java.util.Locale.ROOT) : "";
	}

	/** The name without its extension. */
	String baseName() {
		String n = simpleName();
		int dot = n.lastIndexOf('.');
		return (dot >= 0) ? n.substring(0, dot).trim() : n;
	}

}
