package org.kaohe.history;

import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.kaohe.facts.Period;
import org.kaohe.ingest.UploadFormat;

/**
 * What {@code POST /api/v1/facts} answers (SPEC §8 {@code {batchId, period, counts}}, plus the revision
 * and the rest of the record).
 *
 * @param replayed whether this is the stored answer to an earlier request with the same
 * {@code Idempotency-Key} (nothing new was stored)
 */
@JsonPropertyOrder({ "batchId", "period", "revision", "counts", "rowCount", "factsHash", "uploadedAt", "format", "source" })
public record UploadReceipt(String batchId, Period period, int revision, Map<String, Integer> counts, int rowCount,
		String factsHash, OffsetDateTime uploadedAt, UploadFormat format, String source, @JsonIgnore boolean replayed) {

	static UploadReceipt of(FactBatch b, boolean replayed) {
		return new UploadReceipt(b.batchId(), b.period(), b.revision(), b.counts(), b.rowCount(), b.factsHash(),
				b.uploadedAt(), b.format(), b.source(), replayed);
	}

}
