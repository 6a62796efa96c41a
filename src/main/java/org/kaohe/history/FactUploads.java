package org.kaohe.history;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import org.kaohe.facts.Period;
import org.kaohe.ingest.DocumentFields;
import org.kaohe.ingest.FactDocumentReader;
import org.kaohe.ingest.FactProblem;
import org.kaohe.ingest.FactSchema;
import org.kaohe.ingest.FactTable;
import org.kaohe.ingest.FactsHash;
import org.kaohe.ingest.InvalidFactsException;
import org.kaohe.ingest.ParsedUpload;
import org.kaohe.ingest.SheetLimits;
import org.kaohe.ingest.SpreadsheetUpload;
import org.kaohe.ingest.UploadFile;
import org.kaohe.ruleset.ActiveRuleset;
import org.kaohe.system.BadRequestException;
import org.kaohe.system.KaoheProperties;
import org.kaohe.system.ProblemException;
import org.kaohe.system.ProblemTypes;

/**
 * Stores uploaded period documents. The whole upload is validated first and every problem reported;
 * a rejected upload stores nothing. An accepted one is written in one transaction (record, document and
 * rows) as the next revision of its period.
 *
 * <p>An {@code Idempotency-Key} makes retries safe: the same key with the same facts returns the
 * first answer and stores nothing; the same key with other facts is refused, since returning the
 * earlier answer would silently drop the new facts.
 */
@Service
public class FactUploads {

	private static final Logger log = LoggerFactory.getLogger(FactUploads.class);

	/** Longest accepted {@code Idempotency-Key}. */
	public static final int MAX_KEY_LENGTH = 200;

	private final FactBatchRepository batches;

	private final PeriodLocks locks;

	private final ActiveRuleset rules;

	private final Clock clock;

	private final SheetLimits limits;

	FactUploads(FactBatchRepository batches, PeriodLocks locks, ActiveRuleset rules, KaoheProperties properties) {
		this.batches = batches;
		this.locks = locks;
		this.rules = rules;
		this.clock = Clock.systemDefaultZone();
		KaoheProperties.Upload u = properties.upload();
		this.limits = new SheetLimits(u.maxRowsPerSheet(), u.maxColumnsPerSheet(), u.maxInflatedBytes(), u.maxCompressionRatio(),
				u.maxWorkbookParts());
	}

	/**
	 * Stores a JSON fact document.
	 *
	 * @throws InvalidFactsException with every problem (a syntax error is located by line and column)
	 */
	public UploadReceipt uploadJson(byte[] body, String idempotencyKey) {
		JsonNode tree = new FactDocumentReader(p -> null).parse(body);
		return upload(ParsedUpload.json(tree, "JSON"), idempotencyKey);
	}

	/**
	 * Stores a period given as one XLSX workbook or as CSV files, with the document fields from the form.
	 *
	 * @throws InvalidFactsException with every problem, located by file or sheet, row and column
	 */
	public UploadReceipt uploadSpreadsheets(List<UploadFile> files, DocumentFields fields, String idempotencyKey) {
		ParsedUpload parsed = SpreadsheetUpload.read(files, fields, p -> this.rules.forPeriod(p).validationContext(p),
				this.limits);
		return upload(parsed, idempotencyKey);
	}

	/**
	 * Validates and stores an upload.
	 *
	 * @param upload the parsed upload
	 * @param idempotencyKey the client's key, or null
	 * @return the receipt; {@link UploadReceipt#replayed()} when a retry got the first answer
	 * @throws InvalidFactsException with every problem, when the upload is refused
	 * @throws ProblemException when the key was used before for other facts
	 */
	public UploadReceipt upload(ParsedUpload upload, String idempotencyKey) {
		String key = checkKey(idempotencyKey);
		JsonNode tree = upload.tree();
		String hash = (tree != null) ? FactsHash.of(List.of(tree)) : null;
		if (key != null) {
			Optional<UploadReceipt> earlier = earlier(key, hash);
			if (earlier.isPresent()) {
				return earlier.get();
			}
		}
		long start = System.nanoTime();
		List<FactProblem> problems = upload.problems(p -> this.rules.forPeriod(p).validationContext(p));
		if (!problems.isEmpty()) {
			throw new InvalidFactsException(problems);
		}
		Period period = Period.parse(tree.get("period").textValue());
		Map<String, Integer> counts = new LinkedHashMap<>();
		int rows = 0;
		for (FactTable t : FactSchema.tables()) {
			JsonNode table = tree.get(t.name());
			int n = (table != null && table.isArray()) ? table.size() : 0;
			counts.put(t.name(), n);
			rows += n;
		}
		JsonNode submittedBy = tree.get("submittedBy");
		FactBatch draft = new FactBatch(UUID.randomUUID().toString(), period, 0,
				OffsetDateTime.now(this.clock).truncatedTo(ChronoUnit.MILLIS),
				(submittedBy != null && submittedBy.isTextual()) ? submittedBy.textValue() : null, upload.format(),
				upload.source(), hash, rows, counts);
		long validated = System.nanoTime();
		// marks the start of the write: whatever happens after it, until "facts stored", is one transaction
		log.info("正在存储事实 / storing facts: {} ({} rows, {}, batch {})", period, rows, upload.format(), draft.batchId());
		try {
			FactBatch stored = this.locks.inTransaction(period, () -> {
				if (key != null) {
					// a retry may have been stored while this one was validating
					Optional<FactBatch> raced = this.batches.findByIdempotencyKey(key);
					if (raced.isPresent()) {
						return raced.get();
					}
				}
				FactBatch b = draft.withRevision(this.batches.maxRevision(period) + 1);
				this.batches.insert(b, key, tree);
				return b;
			});
			if (!stored.batchId().equals(draft.batchId())) {
				return earlier(key, hash).orElseThrow();
			}
			log.info("事实已存储 / facts stored: {} revision {} ({} rows, {}, batch {}; validated in {} ms, stored in {} ms)",
					period, stored.revision(), rows, upload.format(), stored.batchId(), (validated - start) / 1_000_000,
					(System.nanoTime() - validated) / 1_000_000);
			return UploadReceipt.of(stored, false);
		}
		catch (DuplicateKeyException ex) {
			// the same key under another period, stored concurrently
			if (key != null) {
				Optional<UploadReceipt> earlier = earlier(key, hash);
				if (earlier.isPresent()) {
					return earlier.get();
				}
			}
			throw ex;
		}
	}

	/** The stored answer for a key, if the key was used before with the same facts. */
	private Optional<UploadReceipt> earlier(String key, String hash) {
		Optional<FactBatch> earlier = this.batches.findByIdempotencyKey(key);
		if (earlier.isEmpty()) {
			return Optional.empty();
		}
		if (!earlier.get().factsHash().equals(hash)) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.IDEMPOTENCY_KEY_REUSED,
					"幂等键已用于其他数据 / Idempotency-Key reused",
					"Idempotency-Key「" + key + "」已用于另一次内容不同的上传（批次 " + earlier.get().batchId() + "，" + earlier.get().period()
							+ " 第" + earlier.get().revision() + "版）；更正数据请用新的键 / the key was already used for an upload with "
							+ "different facts (batch " + earlier.get().batchId() + "); use a new key for a correction");
		}
		return Optional.of(UploadReceipt.of(earlier.get(), true));
	}

	private static String checkKey(String key) {
		if (key == null || key.isBlank()) {
			return null;
		}
		String k = key.trim();
		if (k.length() > MAX_KEY_LENGTH) {
			throw new BadRequestException("Idempotency-Key 过长（最多 " + MAX_KEY_LENGTH + " 个字符）/ Idempotency-Key is longer than "
					+ MAX_KEY_LENGTH + " characters");
		}
		return k;
	}

}
