package org.kaohe.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of one ruleset, keyed by their path under {@code rules/} ({@code /}-separated), and its
 * version: {@code sha256:} over the paths and contents of the files that affect outcomes (DRL,
 * decision tables, YAML). Documentation files are kept but do not change the version.
 */
public final class RuleSource {

	private final Map<String, byte[]> files;

	private final String version;

	private RuleSource(Map<String, byte[]> files) {
		this.files = Collections.unmodifiableMap(new TreeMap<>(files));
		this.version = hash(this.files);
	}

	/** The given files; paths are normalised to forward slashes. */
	public static RuleSource of(Map<String, byte[]> files) {
		Map<String, byte[]> normalised = new TreeMap<>();
		files.forEach((path, content) -> normalised.put(path.replace('\\', '/'), content.clone()));
		return new RuleSource(normalised);
	}

	/** Every regular file under {@code dir}, recursively. */
	public static RuleSource fromDirectory(Path dir) {
		if (!Files.isDirectory(dir)) {
			throw new RulesetInvalidException(java.util.List.of(new RuleProblem(dir.toString(), 0, 0, "NO_RULES_DIRECTORY",
					"规则目录不存在 / rules directory does not exist: " + dir.toAbsolutePath())));
		}
		Map<String, byte[]> files = new TreeMap<>();
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path p : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
				files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new RuleSource(files);
	}

	/** Whether a file takes part in evaluation (and so in the version hash). */
	public static boolean affectsOutcomes(String path) {
		String p = path.toLowerCase(java.util.Locale.ROOT);
		return p.endsWith(".drl") || p.endsWith(".drl.csv") || p.endsWith(".drl.xlsx") || p.endsWith(".yaml")
				|| p.endsWith(".yml");
	}

	private static String hash(Map<String, byte[]> files) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (Map.Entry<String, byte[]> e : files.entrySet()) {
				if (!affectsOutcomes(e.getKey())) {
					continue;
				}
				byte[] path = e.getKey().getBytes(StandardCharsets.UTF_8);
				digest.update(longBytes(path.length));
				digest.update(path);
				digest.update(longBytes(e.getValue().length));
				digest.update(e.getValue());
			}
			return "sha256:" + HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] longBytes(long v) {
		byte[] b = new byte[8];
		for (int i = 7; i >= 0; i--) {
			b[i] = (byte) v;
			v >>>= 8;
		}
		return b;
	}

	/** All files by path, sorted. */
	public Map<String, byte[]> files() {
		return this.files;
	}

	/** The text of a file decoded as UTF-8, or null if absent. */
	public String text(String path) {
		byte[] b = this.files.get(path);
		return (b != null) ? new String(b, StandardCharsets.UTF_8) : null;
	}

	public String version() {
		return this.version;
	}

	/** First 12 hex digits of the version, for display. */
	public String shortVersion() {
		return this.version.substring("sha256:".length(), "sha256:".length() + 12);
	}

}
