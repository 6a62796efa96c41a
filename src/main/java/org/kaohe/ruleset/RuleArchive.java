package org.kaohe.ruleset;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import org.springframework.http.HttpStatus;

import org.kaohe.rules.RuleProblem;
import org.kaohe.system.KaoheProperties;
import org.kaohe.system.ProblemException;
import org.kaohe.system.ProblemTypes;

/**
 * Turns an uploaded ruleset — a JSON map of path to text, or a zip — into files by path, refusing
 * anything unsafe before a byte is checked or stored: paths that climb out ({@code ../}), absolute
 * paths, backslashes and drive letters; zip bombs (too many entries, too many bytes, an entry that
 * inflates more than the allowed ratio — counted while inflating, never trusted from the headers);
 * text that is not UTF-8; file types a ruleset does not have.
 *
 * <p>Allowed: {@code *.drl}, {@code *.drl.csv}, {@code *.drl.xlsx}, {@code *.yaml}/{@code *.yml},
 * {@code *.md}, {@code *.txt}, and scenario folders {@code scenarios/<name>/*.json}. A zip of the
 * {@code rules} folder itself (every entry under one top folder) is read as if zipped from inside.
 */
final class RuleArchive {

	private static final Pattern DRIVE_LETTER = Pattern.compile("^[A-Za-z]:.*");

	private static final Pattern BAD_CHARACTERS = Pattern.compile(".*[\\p{Cntrl}:*?\"<>|].*");

	private static final int MAX_PATH_LENGTH = 255;

	private final KaoheProperties.Archive limits;

	RuleArchive(KaoheProperties.Archive limits) {
		this.limits = limits;
	}

	/**
	 * Files given as JSON text by path.
	 *
	 * @throws ProblemException (400, {@link ProblemTypes#INVALID_RULE_ARCHIVE}) listing every refused file
	 */
	Map<String, byte[]> fromTexts(Map<String, String> texts) {
		List<RuleProblem> problems = new ArrayList<>();
		if (texts.size() > this.limits.maxEntries()) {
			throw refused(List.of(new RuleProblem("", 0, 0, "TOO_MANY_FILES", "文件数 " + texts.size() + " 超过上限 "
					+ this.limits.maxEntries() + " / " + texts.size() + " files, more than the limit of " + this.limits.maxEntries())));
		}
		Map<String, byte[]> files = new TreeMap<>();
		long total = 0;
		for (Map.Entry<String, String> e : texts.entrySet()) {
			String path = e.getKey();
			RuleProblem bad = pathProblem(path);
			if (bad != null) {
				problems.add(bad);
				continue;
			}
			if (path.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
				problems.add(new RuleProblem(path, 0, 0, "BINARY_IN_JSON", "Excel 决策表请用 zip 上传 / upload Excel decision tables in a zip"));
				continue;
			}
			byte[] bytes = stripBom(((e.getValue() != null) ? e.getValue() : "").getBytes(StandardCharsets.UTF_8));
			total += bytes.length;
			if (bytes.length > this.limits.maxFileBytes()) {
				problems.add(tooLarge(path, bytes.length));
				continue;
			}
			files.put(path, bytes);
		}
		if (total > this.limits.maxTotalBytes()) {
			problems.add(totalTooLarge(total));
		}
		if (!problems.isEmpty()) {
			throw refused(problems);
		}
		return files;
	}

	/**
	 * Entries the zip's central directory marks as symbolic links (Unix mode {@code 0120000}): their
	 * content is a path, which an unpacking tool would follow; Kaohe never unpacks to disk, but such an
	 * archive is not a set of rule files and is refused. The streamed reading below never sees these
	 * attributes, so they are read here from the central directory (no entry is inflated).
	 */
	private static List<RuleProblem> symbolicLinks(byte[] zip) {
		List<RuleProblem> problems = new ArrayList<>();
		try (org.apache.commons.compress.archivers.zip.ZipFile directory = org.apache.commons.compress.archivers.zip.ZipFile.builder()
			.setSeekableByteChannel(new org.apache.commons.compress.utils.SeekableInMemoryByteChannel(zip))
			.get()) {
			for (java.util.Enumeration<org.apache.commons.compress.archivers.zip.ZipArchiveEntry> e = directory.getEntries(); e
				.hasMoreElements();) {
				org.apache.commons.compress.archivers.zip.ZipArchiveEntry entry = e.nextElement();
				if (entry.isUnixSymlink()) {
					problems.add(new RuleProblem(entry.getName(), 0, 0, "SYMBOLIC_LINK", "压缩包条目 " + entry.getName()
							+ " 是符号链接，已拒绝 / the entry is a symbolic link; refused"));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// no readable central directory: the streamed reading reports the broken archive
		}
		return problems;
	}

	/**
	 * The files of a zip archive.
	 *
	 * @throws ProblemException (400, {@link ProblemTypes#INVALID_RULE_ARCHIVE}) listing every refused
	 * entry; a zip bomb stops the reading at once
	 */
	Map<String, byte[]> fromZip(byte[] zip) {
		requireSize(zip.length);
		List<RuleProblem> problems = new ArrayList<>(symbolicLinks(zip));
		Map<String, byte[]> files = new TreeMap<>();
		CountingStream raw = new CountingStream(new ByteArrayInputStream(zip));
		int entries = 0;
		long total = 0;
		try (ZipInputStream in = new ZipInputStream(raw, StandardCharsets.UTF_8)) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				if (++entries > this.limits.maxEntries()) {
					throw refused(List.of(new RuleProblem("", 0, 0, "TOO_MANY_ENTRIES", "压缩包条目超过上限 " + this.limits.maxEntries()
							+ "，已拒绝 / the archive has more than " + this.limits.maxEntries() + " entries; refused")));
				}
				String name = entry.getName();
				boolean directory = entry.isDirectory();
				RuleProblem bad = pathProblem(directory ? trimSlash(name) : name, directory);
				if (bad != null) {
					problems.add(bad);
					continue;
				}
				if (directory) {
					continue;
				}
				long before = raw.count();
				long size = 0;
				ByteArrayOutputStream content = new ByteArrayOutputStream();
				byte[] buffer = new byte[8192];
				int n;
				while ((n = in.read(buffer)) > 0) {
					size += n;
					total += n;
					if (size > this.limits.maxFileBytes()) {
						throw refused(List.of(tooLarge(name, size)));
					}
					if (total > this.limits.maxTotalBytes()) {
						throw refused(List.of(totalTooLarge(total)));
					}
					long compressed = Math.max(1, raw.count() - before);
					if (size > 64 * 1024 && size > compressed * this.limits.maxCompressionRatio()) {
						throw refused(List.of(new RuleProblem(name, 0, 0, "COMPRESSION_RATIO", "条目解压后是压缩大小的 " + (size / compressed)
								+ " 倍以上，超过上限 " + this.limits.maxCompressionRatio() + "，疑似压缩炸弹 / the entry inflates more than "
								+ this.limits.maxCompressionRatio() + " times its compressed size: a zip bomb?")));
					}
					content.write(buffer, 0, n);
				}
				if (files.put(name, content.toByteArray()) != null) {
					problems.add(new RuleProblem(name, 0, 0, "DUPLICATE_ENTRY", "压缩包中同一文件出现两次 / the file appears twice in the archive"));
				}
			}
		}
		catch (ZipException ex) {
			throw refused(List.of(new RuleProblem("", 0, 0, "NOT_A_ZIP", "无法读取压缩包 / the archive cannot be read: " + ex.getMessage())));
		}
		catch (IOException ex) {
			throw refused(List.of(new RuleProblem("", 0, 0, "NOT_A_ZIP", "无法读取压缩包 / the archive cannot be read: " + ex.getMessage())));
		}
		catch (IllegalArgumentException ex) {
			// ZipInputStream's answer to entry names that are not UTF-8
			throw refused(List.of(new RuleProblem("", 0, 0, "NOT_UTF8", "压缩包中的文件名不是 UTF-8 编码 / entry names are not UTF-8")));
		}
		if (entries == 0 || (files.isEmpty() && problems.isEmpty())) {
			problems.add(new RuleProblem("", 0, 0, "EMPTY_ARCHIVE", "压缩包中没有文件 / the archive holds no files"));
		}
		if (!problems.isEmpty()) {
			throw refused(problems);
		}
		Map<String, byte[]> unwrapped = unwrap(files);
		List<RuleProblem> typeProblems = new ArrayList<>();
		Map<String, byte[]> checked = new TreeMap<>();
		unwrapped.forEach((path, bytes) -> {
			RuleProblem type = typeProblem(path);
			if (type != null) {
				typeProblems.add(type);
				return;
			}
			if (path.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
				checked.put(path, bytes);
				return;
			}
			RuleProblem encoding = encodingProblem(path, bytes);
			if (encoding != null) {
				typeProblems.add(encoding);
				return;
			}
			checked.put(path, stripBom(bytes));
		});
		if (!typeProblems.isEmpty()) {
			throw refused(typeProblems);
		}
		return checked;
	}

	/**
	 * Refuses an archive larger than its files may be together, before it is read at all.
	 *
	 * @throws ProblemException (400) naming the limit
	 */
	void requireSize(long archiveBytes) {
		if (archiveBytes > this.limits.maxTotalBytes()) {
			throw refused(List.of(totalTooLarge(archiveBytes)));
		}
	}

	/** A zip of the folder itself: every file under one top folder that is not {@code scenarios}. */
	private static Map<String, byte[]> unwrap(Map<String, byte[]> files) {
		String top = null;
		for (String path : files.keySet()) {
			int slash = path.indexOf('/');
			if (slash < 0) {
				return files;
			}
			String first = path.substring(0, slash);
			if (top == null) {
				top = first;
			}
			else if (!top.equals(first)) {
				return files;
			}
		}
		if (top == null || top.equals("scenarios")) {
			return files;
		}
		Map<String, byte[]> inner = new TreeMap<>();
		int cut = top.length() + 1;
		files.forEach((path, bytes) -> inner.put(path.substring(cut), bytes));
		return inner;
	}

	private static RuleProblem pathProblem(String path) {
		RuleProblem bad = pathProblem(path, false);
		return (bad != null) ? bad : typeProblem(path);
	}

	/** Whether a path is safe to keep under {@code rules/}: relative, forward slashes, no climbing out. */
	private static RuleProblem pathProblem(String path, boolean directory) {
		String shown = (path == null) ? "" : path;
		if (path == null || path.isBlank()) {
			return new RuleProblem(shown, 0, 0, "INVALID_PATH", "文件路径为空 / empty file path");
		}
		if (path.indexOf('\\') >= 0) {
			return new RuleProblem(shown, 0, 0, "BACKSLASH_IN_PATH",
					"路径中不能有反斜杠，请用 / 分隔 / backslashes are not allowed in paths; use /");
		}
		if (path.startsWith("/")) {
			return new RuleProblem(shown, 0, 0, "ABSOLUTE_PATH", "不能使用绝对路径 / absolute paths are not allowed");
		}
		if (DRIVE_LETTER.matcher(path).matches()) {
			return new RuleProblem(shown, 0, 0, "DRIVE_LETTER", "路径中不能有盘符 / drive letters are not allowed in paths");
		}
		for (String segment : path.split("/", -1)) {
			if (segment.equals("..")) {
				return new RuleProblem(shown, 0, 0, "PATH_TRAVERSAL",
						"路径不能用 .. 跳出规则目录 / paths may not climb out of the rules folder with ..");
			}
		}
		for (String segment : path.split("/", -1)) {
			if (segment.isEmpty() || segment.equals(".")) {
				return new RuleProblem(shown, 0, 0, "INVALID_PATH", "路径中有空的或为 . 的一级 / empty or . path segment");
			}
		}
		if (BAD_CHARACTERS.matcher(path).matches() || path.length() > MAX_PATH_LENGTH) {
			return new RuleProblem(shown, 0, 0, "INVALID_PATH",
					"路径含有不允许的字符或过长 / the path has forbidden characters or is too long");
		}
		return null;
	}

	/** Only the kinds of files a ruleset has; scenario folders hold JSON documents and notes. */
	private static RuleProblem typeProblem(String path) {
		String lower = path.toLowerCase(Locale.ROOT);
		if (lower.startsWith(RulesetChecks.SCENARIO_PREFIX)) {
			String[] parts = path.split("/");
			if (parts.length == 3 && (lower.endsWith(".json") || lower.endsWith(".md"))) {
				return null;
			}
			return new RuleProblem(path, 0, 0, "UNSUPPORTED_FILE",
					"场景文件须为 scenarios/<场景名>/*.json / scenario files must be scenarios/<name>/*.json");
		}
		if (lower.endsWith(".drl") || lower.endsWith(".drl.csv") || lower.endsWith(".drl.xlsx") || lower.endsWith(".yaml")
				|| lower.endsWith(".yml") || lower.endsWith(".md") || lower.endsWith(".txt")) {
			return null;
		}
		return new RuleProblem(path, 0, 0, "UNSUPPORTED_FILE", "规则集中不能有这种文件（可用 .drl、.drl.csv、.drl.xlsx、.yaml、.md、"
				+ "scenarios/<场景名>/*.json）/ not a ruleset file (allowed: .drl, .drl.csv, .drl.xlsx, .yaml, .md, scenarios/<name>/*.json)");
	}

	/** Text must be UTF-8; the problem names the first line with a byte sequence that is not. */
	private static RuleProblem encodingProblem(String path, byte[] bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes));
			return null;
		}
		catch (CharacterCodingException ex) {
			int line = 1;
			int offset = firstMalformed(bytes);
			for (int i = 0; i < offset && i < bytes.length; i++) {
				if (bytes[i] == '\n') {
					line++;
				}
			}
			return new RuleProblem(path, line, 0, "NOT_UTF8", "文件不是 UTF-8 编码（第" + line + "行起），请另存为 UTF-8（Excel：CSV UTF-8）"
					+ " / the file is not UTF-8 (from line " + line + "); save it as UTF-8");
		}
	}

	private static int firstMalformed(byte[] bytes) {
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate(bytes.length + 1);
		var result = decoder.decode(in, out, true);
		return result.isError() ? in.position() : bytes.length;
	}

	private static byte[] stripBom(byte[] bytes) {
		if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
			return Arrays.copyOfRange(bytes, 3, bytes.length);
		}
		return bytes;
	}

	private static String trimSlash(String name) {
		return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
	}

	private RuleProblem tooLarge(String path, long size) {
		return new RuleProblem(path, 0, 0, "FILE_TOO_LARGE", "文件超过 " + this.limits.maxFileBytes() + " 字节 / the file exceeds "
				+ this.limits.maxFileBytes() + " bytes (" + size + "+)");
	}

	private RuleProblem totalTooLarge(long total) {
		return new RuleProblem("", 0, 0, "ARCHIVE_TOO_LARGE", "解压后总大小超过 " + this.limits.maxTotalBytes() + " 字节 / the files exceed "
				+ this.limits.maxTotalBytes() + " bytes together (" + total + "+)");
	}

	static ProblemException refused(List<RuleProblem> problems) {
		return new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_RULE_ARCHIVE, "规则文件包被拒绝 / Rule archive refused",
				"上传的规则文件有 " + problems.size() + " 个问题，均已列出，未保存任何内容 / the uploaded rule files have " + problems.size()
						+ " problem(s), all listed; nothing was stored",
				problems, Map.of());
	}

	/** Counts the compressed bytes the inflater has consumed, for the compression-ratio limit. */
	private static final class CountingStream extends FilterInputStream {

		private long count;

		CountingStream(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				this.count++;
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				this.count += n;
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = super.skip(n);
			this.count += skipped;
			return skipped;
		}

		long count() {
			return this.count;
		}

	}

}
