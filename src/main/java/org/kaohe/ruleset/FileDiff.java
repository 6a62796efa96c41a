package org.kaohe.ruleset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import com.github.difflib.patch.Patch;

/**
 * How one file differs between two ruleset versions, as the unified diff an approver reads
 * ({@code diff -u}, three lines of context). Binary decision tables are compared by hash only.
 *
 * @param path the file
 * @param change added, removed or modified
 * @param binary whether the file is binary (an Excel decision table): no line diff
 * @param linesAdded lines only in the newer version
 * @param linesRemoved lines only in the older version
 * @param unifiedDiff the unified diff text, null for binary files
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FileDiff(String path, Change change, boolean binary, int linesAdded, int linesRemoved, String unifiedDiff) {

	/** What happened to a file. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "FileChange")
	public enum Change {

		ADDED, REMOVED, MODIFIED

	}

	/** Every file that differs from {@code from} to {@code to}, by path; identical files are left out. */
	public static List<FileDiff> between(Map<String, byte[]> from, Map<String, byte[]> to) {
		List<FileDiff> diffs = new ArrayList<>();
		TreeSet<String> paths = new TreeSet<>(from.keySet());
		paths.addAll(to.keySet());
		for (String path : paths) {
			byte[] a = from.get(path);
			byte[] b = to.get(path);
			if (a != null && b != null && Arrays.equals(a, b)) {
				continue;
			}
			Change change = (a == null) ? Change.ADDED : (b == null) ? Change.REMOVED : Change.MODIFIED;
			diffs.add(of(path, change, a, b));
		}
		return diffs;
	}

	private static FileDiff of(String path, Change change, byte[] a, byte[] b) {
		if (path.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
			String text = "Binary file " + path + " " + ((a == null) ? "added" : (b == null) ? "removed" : "changed") + " (sha256 "
					+ sha256(a) + " → " + sha256(b) + ")\n";
			return new FileDiff(path, change, true, 0, 0, text);
		}
		List<String> left = lines(a);
		List<String> right = lines(b);
		Patch<String> patch = DiffUtils.diff(left, right);
		int added = 0;
		int removed = 0;
		for (AbstractDelta<String> d : patch.getDeltas()) {
			if (d.getType() != DeltaType.INSERT) {
				removed += d.getSource().size();
			}
			if (d.getType() != DeltaType.DELETE) {
				added += d.getTarget().size();
			}
		}
		List<String> unified = UnifiedDiffUtils.generateUnifiedDiff((a == null) ? "/dev/null" : "a/" + path,
				(b == null) ? "/dev/null" : "b/" + path, left, patch, 3);
		return new FileDiff(path, change, false, added, removed, String.join("\n", unified) + "\n");
	}

	private static List<String> lines(byte[] content) {
		if (content == null || content.length == 0) {
			return List.of();
		}
		String text = new String(content, StandardCharsets.UTF_8);
		List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r?\n", -1)));
		if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
			lines.remove(lines.size() - 1);
		}
		return lines;
	}

	private static String sha256(byte[] content) {
		if (content == null) {
			return "-";
		}
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
