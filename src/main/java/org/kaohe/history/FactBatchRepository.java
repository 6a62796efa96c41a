package org.kaohe.history;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.kaohe.facts.Period;
import org.kaohe.ingest.Column;
import org.kaohe.ingest.ColumnType;
import org.kaohe.ingest.FactJson;
import org.kaohe.ingest.FactSchema;
import org.kaohe.ingest.FactTable;
import org.kaohe.ingest.UploadFormat;
import org.kaohe.system.KaoheProperties;
import org.kaohe.system.Page;
import org.kaohe.system.Paging;

/**
 * Stored uploads ({@code fact_batch}) and their rows ({@code fact_row}). Rows are written with JDBC
 * batches of {@code kaohe.upload.batch-size}, never one statement per row.
 */
@Repository
public class FactBatchRepository {

	private static final String COLUMNS = "b.batch_id, b.period, b.revision, b.uploaded_at, b.uploaded_by, b.source_format, "
			+ "b.source_name, b.facts_hash, b.row_count, b.counts";

	/** Keeps only the latest revision of each period. */
	private static final String LATEST = "b.revision = (SELECT MAX(r.revision) FROM fact_batch r WHERE r.period = b.period)";

	private static final TypeReference<LinkedHashMap<String, Integer>> COUNTS = new TypeReference<>() {
	};

	/** For each table, the field naming the subject a row is about, and a second subject it names. */
	private static final Map<String, String[]> SUBJECT_FIELDS = subjectFields();

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final int batchSize;

	private final ObjectMapper mapper = FactJson.mapper();

	FactBatchRepository(JdbcClient jdbc, JdbcTemplate template, KaoheProperties properties) {
		this.jdbc = jdbc;
		this.template = template;
		this.batchSize = Math.max(1, properties.upload().batchSize());
	}

	private static Map<String, String[]> subjectFields() {
		Map<String, String[]> fields = new HashMap<>();
		for (FactTable t : FactSchema.tables()) {
			String subject = t.name().equals("subjects") ? "id" : null;
			String object = null;
			for (Column c : t.columns()) {
				if (c.type() != ColumnType.SUBJECT_REF || t.name().equals("subjects")) {
					continue;
				}
				if (c.required() && subject == null) {
					subject = c.name();
				}
				else if (!c.required() && object == null) {
					object = c.name();
				}
			}
			fields.put(t.name(), new String[] { subject, object });
		}
		return fields;
	}

	/** Stores an upload: its record, its document and every row, in the caller's transaction. */
	void insert(FactBatch batch, String idempotencyKey, JsonNode document) {
		this.jdbc.sql("""
				INSERT INTO fact_batch (batch_id, period, period_start, period_end, revision, uploaded_at, uploaded_by,
				  source_format, source_name, idempotency_key, facts_hash, row_count, counts, document)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(batch.batchId(), batch.period().toString(), batch.period().start(), batch.period().end(),
					batch.revision(), batch.uploadedAt(), batch.uploadedBy(), batch.format().name(), batch.source(),
					idempotencyKey, batch.factsHash(), batch.rowCount(), json(batch.counts()), json(document))
			.update();
		insertRows(batch.batchId(), document);
	}

	private void insertRows(String batchId, JsonNode document) {
		String sql = "INSERT INTO fact_row (batch_id, table_name, row_index, subject_id, object_id, row_json) VALUES (?, ?, ?, ?, ?, ?)";
		List<Object[]> chunk = new ArrayList<>(this.batchSize);
		for (FactTable t : FactSchema.tables()) {
			JsonNode rows = document.get(t.name());
			if (rows == null || !rows.isArray()) {
				continue;
			}
			String[] fields = SUBJECT_FIELDS.get(t.name());
			for (int i = 0; i < rows.size(); i++) {
				JsonNode row = rows.get(i);
				chunk.add(new Object[] { batchId, t.name(), i, text(row, fields[0]), text(row, fields[1]), json(row) });
				if (chunk.size() == this.batchSize) {
					writeRows(sql, chunk);
					chunk.clear();
				}
			}
		}
		if (!chunk.isEmpty()) {
			writeRows(sql, chunk);
		}
	}

	private void writeRows(String sql, List<Object[]> rows) {
		this.template.batchUpdate(sql, rows, rows.size(), (PreparedStatement ps, Object[] r) -> {
			ps.setString(1, (String) r[0]);
			ps.setString(2, (String) r[1]);
			ps.setInt(3, (Integer) r[2]);
			setNullable(ps, 4, (String) r[3]);
			setNullable(ps, 5, (String) r[4]);
			ps.setString(6, (String) r[5]);
		});
	}

	private static void setNullable(PreparedStatement ps, int index, String value) throws SQLException {
		if (value == null) {
			ps.setNull(index, Types.VARCHAR);
		}
		else {
			ps.setString(index, value);
		}
	}

	private static String text(JsonNode row, String field) {
		if (field == null) {
			return null;
		}
		JsonNode v = row.get(field);
		return (v != null && v.isTextual()) ? v.textValue() : null;
	}

	public Optional<FactBatch> findByIdempotencyKey(String key) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM fact_batch b WHERE b.idempotency_key = ?")
			.param(key)
			.query(this::batch)
			.optional();
	}

	public Optional<FactBatch> find(String batchId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM fact_batch b WHERE b.batch_id = ?")
			.param(batchId)
			.query(this::batch)
			.optional();
	}

	/** The latest revision of a period, if it was ever uploaded. */
	public Optional<FactBatch> latest(Period period) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM fact_batch b WHERE b.period = ? AND " + LATEST)
			.param(period.toString())
			.query(this::batch)
			.optional();
	}

	/** Highest revision stored for a period; 0 when there is none. */
	int maxRevision(Period period) {
		return this.jdbc.sql("SELECT COALESCE(MAX(revision), 0) FROM fact_batch WHERE period = ?")
			.param(period.toString())
			.query(Integer.class)
			.single();
	}

	/** Every revision of a period, oldest first. */
	public List<FactBatch> revisions(Period period) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM fact_batch b WHERE b.period = ? ORDER BY b.revision")
			.param(period.toString())
			.query(this::batch)
			.list();
	}

	/**
	 * The latest revision of every period that ends on or after {@code from} and starts before
	 * {@code before}: the history window of an evaluation. Earliest period first.
	 */
	public List<FactBatch> latestInWindow(LocalDate from, LocalDate before) {
		return sorted(this.jdbc
			.sql("SELECT " + COLUMNS + " FROM fact_batch b WHERE b.period_end >= ? AND b.period_start < ? AND " + LATEST)
			.params(from, before)
			.query(this::batch)
			.list());
	}

	/** The latest revision of every stored period, earliest period first. */
	public List<FactBatch> latestOfEveryPeriod() {
		return sorted(this.jdbc.sql("SELECT " + COLUMNS + " FROM fact_batch b WHERE " + LATEST).query(this::batch).list());
	}

	private static List<FactBatch> sorted(List<FactBatch> batches) {
		List<FactBatch> sorted = new ArrayList<>(batches);
		sorted.sort(Comparator.comparing(FactBatch::period));
		return sorted;
	}

	/** The stored document of an upload. */
	public JsonNode document(String batchId) {
		String text = this.jdbc.sql("SELECT document FROM fact_batch WHERE batch_id = ?")
			.param(batchId)
			.query(String.class)
			.single();
		try {
			return this.mapper.readTree(text);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("stored document " + batchId + " is not JSON: " + ex.getMessage(), ex);
		}
	}

	/** Rows of the given uploads about a subject (as the row's subject or as the object it names). */
	public List<StoredRow> rowsAbout(String subjectId, Collection<String> batchIds) {
		if (batchIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT batch_id, table_name, row_index, row_json FROM fact_row
				WHERE (subject_id = :subject OR object_id = :subject) AND batch_id IN (:batches)
				ORDER BY batch_id, table_name, row_index""")
			.param("subject", subjectId)
			.param("batches", List.copyOf(batchIds))
			.query((rs, n) -> new StoredRow(rs.getString(1), rs.getString(2), rs.getInt(3), readTree(rs.getString(4))))
			.list();
	}

	/** The {@code subjects} rows of an upload, in upload order. */
	public List<JsonNode> subjectRows(String batchId) {
		return this.jdbc.sql("SELECT row_json FROM fact_row WHERE batch_id = ? AND table_name = 'subjects' ORDER BY row_index")
			.param(batchId)
			.query((rs, n) -> readTree(rs.getString(1)))
			.list();
	}

	/** Stored uploads, newest first, of one period or (null) of all. */
	public Page<FactBatch> list(Period period, Paging paging) {
		String where = (period != null) ? " WHERE b.period = :period" : "";
		var count = this.jdbc.sql("SELECT COUNT(*) FROM fact_batch b" + where);
		var select = this.jdbc.sql("SELECT " + COLUMNS + " FROM fact_batch b" + where
				+ " ORDER BY b.uploaded_at DESC, b.period, b.revision DESC LIMIT :limit OFFSET :offset");
		if (period != null) {
			count = count.param("period", period.toString());
			select = select.param("period", period.toString());
		}
		long total = count.query(Long.class).single();
		return Page.of(select.param("limit", paging.size()).param("offset", paging.offset()).query(this::batch).list(),
				paging, total);
	}

	/** Number of stored uploads. */
	public long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM fact_batch").query(Long.class).single();
	}

	private FactBatch batch(ResultSet rs, int rowNum) throws SQLException {
		try {
			Map<String, Integer> counts = this.mapper.readValue(rs.getString("counts"), COUNTS);
			return new FactBatch(rs.getString("batch_id"), Period.parse(rs.getString("period")), rs.getInt("revision"),
					rs.getObject("uploaded_at", OffsetDateTime.class), rs.getString("uploaded_by"),
					UploadFormat.valueOf(rs.getString("source_format")), rs.getString("source_name"),
					rs.getString("facts_hash"), rs.getInt("row_count"), counts);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("stored counts are not JSON: " + ex.getMessage(), ex);
		}
	}

	private JsonNode readTree(String text) {
		try {
			return this.mapper.readTree(text);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("stored row is not JSON: " + ex.getMessage(), ex);
		}
	}

	private String json(Object value) {
		try {
			return this.mapper.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
