package org.kaohe.ruleset;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.kaohe.rules.RuleProblem;
import org.kaohe.system.KaoheProperties;
import org.kaohe.system.ProblemException;
import org.kaohe.testing.Zips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Uploaded rule files: what is refused before anything is checked or stored, and why. */
class RuleArchiveTests {

	private static final KaoheProperties.Archive LIMITS = new KaoheProperties.Archive(500, 5_000_000, 20_000_000, 100);

	private static final RuleArchive ARCHIVE = new RuleArchive(LIMITS);

	private static final byte[] TEXT = "rule text\n".getBytes(StandardCharsets.UTF_8);

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			../evil.drl                 | PATH_TRAVERSAL
			rules/../../etc/cron.d/x.drl | PATH_TRAVERSAL
			scenarios/../../x.json      | PATH_TRAVERSAL
			/etc/kaohe/parameters.yaml  | ABSOLUTE_PATH
			rules\\roads.drl           | BACKSLASH_IN_PATH
			..\\..\\evil.drl          | BACKSLASH_IN_PATH
			C:/rules/roads.drl          | DRIVE_LETTER
			c:roads.drl                 | DRIVE_LETTER
			a/./roads.drl               | INVALID_PATH
			a//roads.drl                | INVALID_PATH
			roads?.drl                  | INVALID_PATH
			run.sh                      | UNSUPPORTED_FILE
			lib/evil.jar                | UNSUPPORTED_FILE
			scenarios/case/deep/x.json  | UNSUPPORTED_FILE
			scenarios/case/rule.drl     | UNSUPPORTED_FILE
			""")
	void unsafePathsAreRefusedInAZipAndInJson(String path, String code) {
		assertThat(codes(() -> ARCHIVE.fromZip(Zips.zip(Map.of(path, TEXT))))).containsExactly(code);
		assertThat(codes(() -> ARCHIVE.fromTexts(Map.of(path, "rule text")))).containsExactly(code);
	}

	@Test
	void everyRefusedEntryIsListedNotOnlyTheFirst() {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		entries.put("../a.drl", TEXT);
		entries.put("/b.drl", TEXT);
		entries.put("ok.drl", TEXT);

		ProblemException refused = refusal(() -> ARCHIVE.fromZip(Zips.zip(entries)));

		assertThat(refused.getStatus().value()).isEqualTo(400);
		assertThat(refused.getType().toString()).isEqualTo("https://kaohe.org/problems/invalid-rule-archive");
		assertThat(refused.getErrors()).extracting(e -> ((RuleProblem) e).file()).containsExactly("../a.drl", "/b.drl");
	}

	@Test
	void anEntryMarkedAsASymbolicLinkIsRefusedEvenWithAHarmlessName() {
		byte[] zip = Zips.symlink("rules/roads.drl", "/etc/passwd");

		ProblemException refused = refusal(() -> ARCHIVE.fromZip(zip));

		assertThat(refused.getStatus().value()).isEqualTo(400);
		assertThat(refused.getErrors()).extracting(e -> ((RuleProblem) e).code()).containsExactly("SYMBOLIC_LINK");
		assertThat(refused.getErrors()).extracting(e -> ((RuleProblem) e).file()).containsExactly("rules/roads.drl");
	}

	@Test
	void aZipBombIsStoppedByItsCompressionRatioBeforeItIsInflated() {
		byte[] bomb = Zips.bomb("parameters.yaml", 4);

		assertThat(bomb.length).isLessThan(40_000);
		assertThat(codes(() -> ARCHIVE.fromZip(bomb))).containsExactly("COMPRESSION_RATIO");
	}

	@Test
	void tooManyEntriesTooLargeFilesAndTooLargeArchivesAreRefused() {
		RuleArchive strict = new RuleArchive(new KaoheProperties.Archive(10, 1_000, 2_500, 1_000_000));
		Map<String, byte[]> large = new LinkedHashMap<>();
		for (int i = 0; i < 3; i++) {
			large.put("rule-" + i + ".drl", "x".repeat(900).getBytes(StandardCharsets.UTF_8));
		}

		assertThat(codes(() -> strict.fromZip(Zips.manyEntries(11)))).containsExactly("TOO_MANY_ENTRIES");
		assertThat(codes(() -> strict.fromZip(Zips.zip(Map.of("big.drl", "x".repeat(1_001).getBytes(StandardCharsets.UTF_8))))))
			.containsExactly("FILE_TOO_LARGE");
		assertThat(codes(() -> strict.fromZip(Zips.zip(large)))).containsExactly("ARCHIVE_TOO_LARGE");
		assertThat(codes(() -> strict.fromTexts(Map.of("big.drl", "x".repeat(1_001))))).containsExactly("FILE_TOO_LARGE");
		assertThat(codes(() -> strict.fromZip(new byte[2_501]))).as("refused before it is read").containsExactly("ARCHIVE_TOO_LARGE");
		Map<String, String> many = new LinkedHashMap<>();
		for (int i = 0; i < 11; i++) {
			many.put("r" + i + ".drl", "x");
		}
		assertThat(codes(() -> strict.fromTexts(many))).containsExactly("TOO_MANY_FILES");
	}

	@Test
	void textThatIsNotUtf8IsRefusedWithTheLineWhereItStarts() {
		byte[] gbk = "# 参数\nversions:\n  - comment: 周排名\n".getBytes(Charset.forName("GB18030"));
		byte[] mixed = ("# parameters\nversions:\n" + "  - comment: ").getBytes(StandardCharsets.UTF_8);
		byte[] file = new byte[mixed.length + 4];
		System.arraycopy(mixed, 0, file, 0, mixed.length);
		System.arraycopy("周排".getBytes(Charset.forName("GB18030")), 0, file, mixed.length, 4);

		ProblemException whole = refusal(() -> ARCHIVE.fromZip(Zips.zip(Map.of("parameters.yaml", gbk))));
		ProblemException third = refusal(() -> ARCHIVE.fromZip(Zips.zip(Map.of("parameters.yaml", file))));

		assertThat(((RuleProblem) whole.getErrors().get(0)).code()).isEqualTo("NOT_UTF8");
		assertThat(((RuleProblem) whole.getErrors().get(0)).line()).isEqualTo(1);
		assertThat(((RuleProblem) third.getErrors().get(0)).line()).isEqualTo(3);
		assertThat(((RuleProblem) third.getErrors().get(0)).message()).contains("UTF-8");
	}

	@Test
	void entryNamesThatAreNotUtf8AreRefused() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out, Charset.forName("GB18030"))) {
			zip.putNextEntry(new ZipEntry("县区排名.drl"));
			zip.write(TEXT);
			zip.closeEntry();
		}

		assertThat(codes(() -> ARCHIVE.fromZip(out.toByteArray()))).containsExactly("NOT_UTF8");
	}

	@Test
	void somethingThatIsNotAZipHoldsNoFiles() {
		assertThat(codes(() -> ARCHIVE.fromZip("这不是压缩包".getBytes(StandardCharsets.UTF_8)))).containsExactly("EMPTY_ARCHIVE");
	}

	@Test
	void excelDecisionTablesComeOnlyInAZip() {
		assertThat(codes(() -> ARCHIVE.fromTexts(Map.of("grades.drl.xlsx", "PK...")))).containsExactly("BINARY_IN_JSON");
	}

	@Test
	void aZipOfTheRulesFolderIsReadFromInsideItAndAByteOrderMarkIsDropped() {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		entries.put("rules/", new byte[0]);
		entries.put("rules/parameters.yaml", ("\uFEFFversions: []\n").getBytes(StandardCharsets.UTF_8));
		entries.put("rules/scenarios/a-case/expected.json", "{}".getBytes(StandardCharsets.UTF_8));
		entries.put("rules/grades.drl.xlsx", new byte[] { 'P', 'K', 3, 4, (byte) 0xFF });

		Map<String, byte[]> files = ARCHIVE.fromZip(Zips.zip(entries));

		assertThat(files).containsOnlyKeys("parameters.yaml", "scenarios/a-case/expected.json", "grades.drl.xlsx");
		assertThat(new String(files.get("parameters.yaml"), StandardCharsets.UTF_8)).isEqualTo("versions: []\n");
		assertThat(files.get("grades.drl.xlsx")).hasSize(5);
	}

	private static List<String> codes(Runnable upload) {
		return refusal(upload).getErrors().stream().map(e -> ((RuleProblem) e).code()).toList();
	}

	private static ProblemException refusal(Runnable upload) {
		ProblemException ex = catchThrowableOfType(ProblemException.class, upload::run);
		assertThat(ex).as("refused").isNotNull();
		return ex;
	}

}
