package org.kaohe.ruleset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.kaohe.rules.RuleSource;
import org.kaohe.system.Page;
import org.kaohe.system.Paging;

/**
 * Ruleset versions, their files and the activation log in the database ({@code V10__ruleset_versions}).
 * Every write that must be serialised across instances (a new version's sequence number, an
 * activation, a rollback) runs in {@link #locked}, which holds the one row of {@code ruleset_lock}.
 */
@Repository
class RulesetStore {

	private static final String VERSION_COLUMNS = "version, seq, parent_version, origin, author, created_at, comment, status, "
			+ "rule_count, file_count, checked_at, expectations_updated_by";

	private static final String ACTIVATION_COLUMNS = "seq, action, version, previous_version, effective_from, actor, actor_address, "
			+ "activated_at, reason, forced, rollback, reverts_seq, revoked_by_seq";

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final ObjectMapper mapper = JsonMapper.builder()
		.addModule(new JavaTimeModule())
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	RulesetStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** Runs {@code work} in one transaction holding the ruleset lock row; commits when it returns. */
	<T> T locked(Supplier<T> work) {
		return this.transaction.execute(status -> {
			this.jdbc.sql("SELECT id FROM ruleset_lock WHERE id = 1 FOR UPDATE").query(Integer.class).single();
			return work.get();
		});
	}

	// versions

	Optional<StoredVersion> find(String version) {
		return this.jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM ruleset_version WHERE version = ?")
			.param(version)
			.query(this::version)
			.optional();
	}

	/**
	 * The full version a text names: the version itself, or a unique prefix of its hex digits (at least
	 * 8, with or without {@code sha256:}).
	 */
	Optional<String> resolve(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String t = text.trim().toLowerCase(Locale.ROOT);
		String full = t.startsWith("sha256:") ? t : "sha256:" + t;
		if (!full.matches("sha256:[0-9a-f]{8,64}")) {
			return Optional.empty();
		}
		if (full.length() == "sha256:".length() + 64) {
			return find(full).map(StoredVersion::version);
		}
		List<String> matches = this.jdbc.sql("SELECT version FROM ruleset_version WHERE version LIKE ? ORDER BY version")
			.param(full + "%")
			.query(String.class)
			.list();
		return (matches.size() == 1) ? Optional.of(matches.get(0)) : Optional.empty();
	}

	Page<StoredVersion> list(Paging paging) {
		long total = this.jdbc.sql("SELECT COUNT(*) FROM ruleset_version").query(Long.class).single();
		List<StoredVersion> rows = this.jdbc
			.sql("SELECT " + VERSION_COLUMNS + " FROM ruleset_version ORDER BY seq DESC LIMIT :limit OFFSET :offset")
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query(this::version)
			.list();
		return Page.of(rows, paging, total);
	}

	/** The sequence number of the newest stored version (0 when none). */
	long lastVersionSeq() {
		return this.jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM ruleset_version").query(Long.class).single();
	}

	/** The newest stored version that could go live (its checks passed, or only scenarios failed). */
	Optional<String> newestUsable() {
		return this.jdbc.sql("SELECT version FROM ruleset_version WHERE status <> 'FAILED' ORDER BY seq DESC LIMIT 1")
			.query(String.class)
			.optional();
	}

	/** Stores a new version with its files; call inside {@link #locked}. */
	StoredVersion insert(RuleSource source, String parent, String origin, String author, String authorAddress, String comment,
			CheckReport report, int ruleCount, List<FileDiff> parentDiff, OffsetDateTime at) {
		long seq = this.jdbc.sql("SELECT COALESCE(MAX(seq), 0) + 1 FROM ruleset_version").query(Long.class).single();
		this.jdbc.sql("INSERT INTO ruleset_version (version, seq, parent_version, origin, author, author_address, created_at, comment, "
				+ "status, rule_count, file_count, check_report, checked_at, parent_diff) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(source.version(), seq, parent, origin, author, authorAddress, at, comment, VersionStatus.of(report).name(),
					ruleCount, source.files().size(), json(report), at, json(parentDiff))
			.update();
		insertFiles(source.version(), source.files());
		return find(source.version()).orElseThrow();
	}

	/**
	 * Replaces the files that do not change the version (scenario expectations, notes) and the checks
	 * they led to; call inside {@link #locked}.
	 */
	void replaceExpectations(RuleSource source, CheckReport report, List<FileDiff> parentDiff, String by, OffsetDateTime at) {
		this.jdbc.sql("DELETE FROM ruleset_file WHERE version = ?").param(source.version()).update();
		insertFiles(source.version(), source.files());
		this.jdbc.sql("UPDATE ruleset_version SET status = ?, check_report = ?, checked_at = ?, file_count = ?, parent_diff = ?, "
				+ "expectations_updated_by = ? WHERE version = ?")
			.params(VersionStatus.of(report).name(), json(report), at, source.files().size(), json(parentDiff), by, source.version())
			.update();
	}

	private void insertFiles(String version, Map<String, byte[]> files) {
		files.forEach((path, content) -> this.jdbc
			.sql("INSERT INTO ruleset_file (version, path, sha256, size_bytes, content) VALUES (?, ?, ?, ?, ?)")
			.params(version, path, sha256(content), content.length, content)
			.update());
	}

	/** A version's files by path. */
	Map<String, byte[]> files(String version) {
		Map<String, byte[]> files = new LinkedHashMap<>();
		this.jdbc.sql("SELECT path, content FROM ruleset_file WHERE version = ? ORDER BY path")
			.param(version)
			.query((ResultSet rs) -> {
				files.put(rs.getString(1), rs.getBytes(2));
			});
		return files;
	}

	/** A version's files without their content. */
	List<FileInfo> fileList(String version) {
		return this.jdbc.sql("SELECT path, size_bytes, sha256 FROM ruleset_file WHERE version = ? ORDER BY path")
			.param(version)
			.query((rs, n) -> new FileInfo(rs.getString(1), rs.getInt(2), rs.getString(3), RuleSource.affectsOutcomes(rs.getString(1))))
			.list();
	}

	Optional<byte[]> file(String version, String path) {
		return this.jdbc.sql("SELECT content FROM ruleset_file WHERE version = ? AND path = ?")
			.params(version, path)
			.query((rs, n) -> rs.getBytes(1))
			.optional();
	}

	CheckReport checkReport(String version) {
		return read(this.jdbc.sql("SELECT check_report FROM ruleset_version WHERE version = ?").param(version).query(String.class)
			.single(), new TypeReference<CheckReport>() {
			});
	}

	List<FileDiff> parentDiff(String version) {
		return read(this.jdbc.sql("SELECT parent_diff FROM ruleset_version WHERE version = ?").param(version).query(String.class)
			.single(), new TypeReference<List<FileDiff>>() {
			});
	}

	/** Records that the {@code rules/} folder held this version at {@code at}. */
	void markPickedUp(String version, OffsetDateTime at) {
		this.jdbc.sql("UPDATE ruleset_version SET picked_up_at = ? WHERE version = ?").params(at, version).update();
	}

	/** The version the {@code rules/} folder held when last picked up. */
	Optional<String> lastPickedUp() {
		return this.jdbc.sql("SELECT version FROM ruleset_version WHERE picked_up_at IS NOT NULL ORDER BY picked_up_at DESC, seq DESC")
			.query(String.class)
			.list()
			.stream()
			.findFirst();
	}

	// activations

	/** The whole log, oldest first: what the schedule is built from. */
	List<Activation> activations() {
		return this.jdbc.sql("SELECT " + ACTIVATION_COLUMNS + " FROM ruleset_activation ORDER BY seq")
			.query(this::activation)
			.list();
	}

	Page<Activation> activations(Paging paging) {
		long total = this.jdbc.sql("SELECT COUNT(*) FROM ruleset_activation").query(Long.class).single();
		List<Activation> rows = this.jdbc
			.sql("SELECT " + ACTIVATION_COLUMNS + " FROM ruleset_activation ORDER BY seq DESC LIMIT :limit OFFSET :offset")
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query(this::activation)
			.list();
		return Page.of(rows, paging, total);
	}

	List<Activation> activationsOf(String version) {
		return this.jdbc.sql("SELECT " + ACTIVATION_COLUMNS + " FROM ruleset_activation WHERE version = ? ORDER BY seq")
			.param(version)
			.query(this::activation)
			.list();
	}

	/** The highest log entry: instances poll it to notice activations made elsewhere. */
	long lastActivationSeq() {
		return this.jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM ruleset_activation").query(Long.class).single();
	}

	/** Whether the version was ever put in force. */
	boolean everActivated(String version) {
		return this.jdbc.sql("SELECT COUNT(*) FROM ruleset_activation WHERE version = ? AND action = 'ACTIVATE'")
			.param(version)
			.query(Long.class)
			.single() > 0;
	}

	/** Appends to the log; call inside {@link #locked}. The sequence number is the next free one. */
	Activation insert(Activation a) {
		long seq = lastActivationSeq() + 1;
		this.jdbc.sql("INSERT INTO ruleset_activation (" + ACTIVATION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(seq, a.action(), a.version(), a.previousVersion(), a.effectiveFrom(), a.actor(), a.actorAddress(),
					a.activatedAt(), a.reason(), a.forced(), a.rollback(), a.revertsSeq(), a.revokedBySeq())
			.update();
		return new Activation(seq, a.action(), a.version(), a.previousVersion(), a.effectiveFrom(), a.actor(), a.actorAddress(),
				a.activatedAt(), a.reason(), a.forced(), a.rollback(), a.revertsSeq(), a.revokedBySeq());
	}

	/** Marks an activation as undone by a rollback; call inside {@link #locked}. */
	void revoke(long activationSeq, long rollbackSeq) {
		this.jdbc.sql("UPDATE ruleset_activation SET revoked_by_seq = ? WHERE seq = ?").params(rollbackSeq, activationSeq).update();
	}

	private StoredVersion version(ResultSet rs, int n) throws SQLException {
		return new StoredVersion(rs.getString("version"), rs.getLong("seq"), rs.getString("parent_version"), rs.getString("origin"),
				rs.getString("author"), rs.getObject("created_at", OffsetDateTime.class), rs.getString("comment"),
				VersionStatus.valueOf(rs.getString("status")), rs.getInt("rule_count"), rs.getInt("file_count"),
				rs.getObject("checked_at", OffsetDateTime.class), rs.getString("expectations_updated_by"));
	}

	private Activation activation(ResultSet rs, int n) throws SQLException {
		return new Activation(rs.getLong("seq"), rs.getString("action"), rs.getString("version"), rs.getString("previous_version"),
				rs.getObject("effective_from", LocalDate.class), rs.getString("actor"), rs.getString("actor_address"),
				rs.getObject("activated_at", OffsetDateTime.class), rs.getString("reason"), rs.getBoolean("forced"),
				rs.getBoolean("rollback"), rs.getObject("reverts_seq", Long.class), rs.getObject("revoked_by_seq", Long.class));
	}

	private String json(Object value) {
		try {
			return this.mapper.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private <T> T read(String text, TypeReference<T> type) {
		try {
			return this.mapper.readValue(text, type);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("stored JSON is unreadable: " + ex.getMessage(), ex);
		}
	}

	static String sha256(byte[] content) {
		try {
			return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A stored file without its content.
	 *
	 * @param path its path under {@code rules/}
	 * @param sizeBytes its size
	 * @param sha256 the hash of its content
	 * @param affectsOutcomes whether it takes part in evaluation (and in the version); scenarios and
	 * notes do not
	 */
	record FileInfo(String path, int sizeBytes, String sha256, boolean affectsOutcomes) {
	}

	static String utf8(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
