package org.kaohe.ingest;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.kaohe.rules.ChecklistProfile;

import static org.assertj.core.api.Assertions.assertThat;

/** Text Kaohe writes into spreadsheets and CSV files cannot become a formula. */
class CellTextTests {

	@ParameterizedTest
	@ValueSource(strings = { "=1+1", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "=HYPERLINK(\"http://x\")" })
	void formulaLookingTextGetsALeadingApostrophe(String text) {
		assertThat(CellText.neutralise(text)).isEqualTo("'" + text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "河东区", "C01", "1+1", "a=b", "" })
	void ordinaryTextIsUnchanged(String text) {
		assertThat(CellText.neutralise(text)).isEqualTo(text);
	}

	@Test
	void aChecklistItemNamedLikeAFormulaIsInertInTheCsvTemplate() {
		// checklist item names come from rule files, which rule editors upload
		ChecklistProfile checklist = new ChecklistProfile("site", "工地检查", java.util.Map.of("FENCING", "=HYPERLINK(\"http://x\")"));
		FactTable inspections = FactSchema.table("inspections").orElseThrow();

		String header = new String(FactTemplates.csv(inspections, checklist), StandardCharsets.UTF_8).split("\r\n")[0];

		assertThat(header).contains("'=HYPERLINK").doesNotContain(",\"=HYPERLINK").doesNotContain(",=HYPERLINK");
	}

}
