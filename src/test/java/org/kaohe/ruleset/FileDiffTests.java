package org.kaohe.ruleset;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The file-level diff an approver reads. */
class FileDiffTests {

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void changedAddedAndRemovedFilesAreUnifiedDiffsIdenticalOnesAreLeftOut() {
		Map<String, byte[]> before = Map.of("parameters.yaml", utf8("a: 1\nb: 2\nc: 3\n"), "old.drl", utf8("rule\n"), "same.drl",
				utf8("x\n"));
		Map<String, byte[]> after = Map.of("parameters.yaml", utf8("a: 1\nb: 20\nc: 3\n"), "new.drl", utf8("新规则\n"), "same.drl",
				utf8("x\n"));

		List<FileDiff> diffs = FileDiff.between(before, after);

		assertThat(diffs).extracting(FileDiff::path).containsExactly("new.drl", "old.drl", "parameters.yaml");
		assertThat(diffs.get(0).change()).isEqualTo(FileDiff.Change.ADDED);
		assertThat(diffs.get(0).unifiedDiff()).startsWith("--- /dev/null\n+++ b/new.drl\n").contains("+新规则");
		assertThat(diffs.get(1).change()).isEqualTo(FileDiff.Change.REMOVED);
		assertThat(diffs.get(2).unifiedDiff()).isEqualTo("""
				--- a/parameters.yaml
				+++ b/parameters.yaml
				@@ -1,3 +1,3 @@
				 a: 1
				-b: 2
				+b: 20
				 c: 3
				""");
		assertThat(diffs.get(2).linesAdded()).isEqualTo(1);
		assertThat(diffs.get(2).linesRemoved()).isEqualTo(1);
	}

	@Test
	void excelDecisionTablesAreComparedByHash() {
		List<FileDiff> diffs = FileDiff.between(Map.of("grades.drl.xlsx", new byte[] { 1 }), Map.of("grades.drl.xlsx", new byte[] { 2 }));

		assertThat(diffs).singleElement().satisfies(d -> {
			assertThat(d.binary()).isTrue();
			assertThat(d.unifiedDiff()).startsWith("Binary file grades.drl.xlsx changed (sha256 ");
		});
	}

}
