package org.kaohe.history;

import java.time.OffsetDateTime;
import java.util.Map;

import org.kaohe.facts.Period;
import org.kaohe.ingest.UploadFormat;

/**
 * One accepted upload: a revision of one period's fact document.
 *
 * @param batchId unique id of the upload
 * @param period the period the document covers
 * @param revision 1 for the first upload of the period, then 2, 3 … for each correction
 * @param uploadedAt when it was stored
 * @param uploadedBy the document's {@code submittedBy}, or null
 * @param format how it arrived
 * @param source the file names it was read from (and their encodings)
 * @param factsHash {@code sha256:} of the stored document
 * @param rowCount rows over all tables
 * @param counts rows per table, in schema order
 */
public record FactBatch(String batchId, Period period, int revision, OffsetDateTime uploadedAt, String uploadedBy,
		UploadFormat format, String source, String factsHash, int rowCount, Map<String, Integer> counts) {

	FactBatch withRevision(int revision) {
		return new FactBatch(this.batchId, this.period, revision, this.uploadedAt, this.uploadedBy, this.format,
				this.source, this.factsHash, this.rowCount, this.counts);
	}

}
