package org.kaohe.history;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Service;

import org.kaohe.facts.FactDocument;
import org.kaohe.facts.Period;
import org.kaohe.ingest.FactDocumentReader;
import org.kaohe.system.NotFoundException;
import org.kaohe.system.Page;
import org.kaohe.system.Paging;

/**
 * Reads stored period documents back: the latest revision of a period, or a given upload, as the
 * tree that was stored and as facts.
 */
@Service
public class StoredPeriods {

	private final FactBatchRepository batches;

	/** Stored documents were validated on upload; converting them needs no ruleset. */
	private final FactDocumentReader reader = new FactDocumentReader(p -> null);

	StoredPeriods(FactBatchRepository batches) {
		this.batches = batches;
	}

	/** A stored upload with its document. */
	public StoredDocument load(FactBatch batch) {
		JsonNode tree = this.batches.document(batch.batchId());
		return new StoredDocument(batch, tree, this.reader.readStored(tree));
	}

	/**
	 * The latest revision of the stored document whose period is {@code period}, or else the shortest
	 * stored period containing it (the quarter of a month).
	 *
	 * @throws NotFoundException when no stored period matches
	 */
	public FactBatch latestCovering(Period period) {
		Optional<FactBatch> exact = this.batches.latest(period);
		if (exact.isPresent()) {
			return exact.get();
		}
		return this.batches.latestOfEveryPeriod()
			.stream()
			.filter(b -> b.period().contains(period))
			.min(Comparator.comparing(b -> b.period().end().toEpochDay() - b.period().start().toEpochDay()))
			.orElseThrow(() -> new NotFoundException("没有包含期间 " + period + " 的已上传事实数据 / no uploaded facts cover " + period));
	}

	/**
	 * The latest stored period (by period, not upload time).
	 *
	 * @throws NotFoundException when nothing is stored
	 */
	public FactBatch latestPeriod() {
		List<FactBatch> all = this.batches.latestOfEveryPeriod();
		if (all.isEmpty()) {
			throw new NotFoundException("尚未上传任何事实数据 / no facts have been uploaded yet");
		}
		return all.get(all.size() - 1);
	}

	/** The subjects of a stored upload and the county each belongs to. */
	public SubjectDirectory subjects(String batchId) {
		return SubjectDirectory.of(this.batches.subjectRows(batchId));
	}

	/** The latest revision of every stored period, earliest period first. */
	public List<FactBatch> latestOfEveryPeriod() {
		return this.batches.latestOfEveryPeriod();
	}

	/** Stored uploads, newest first, of one period or (null) of all. */
	public Page<FactBatch> uploads(Period period, Paging paging) {
		return this.batches.list(period, paging);
	}

	/**
	 * A stored upload with its document.
	 *
	 * @throws NotFoundException when there is no such upload
	 */
	public StoredDocument upload(String batchId) {
		FactBatch batch = this.batches.find(batchId)
			.orElseThrow(() -> new NotFoundException("上传批次 " + batchId + " 不存在 / upload " + batchId + " does not exist"));
		return load(batch);
	}

	/**
	 * A stored document.
	 *
	 * @param batch the upload
	 * @param tree the document as stored
	 * @param document its facts
	 */
	public record StoredDocument(FactBatch batch, JsonNode tree, FactDocument document) {
	}

}
