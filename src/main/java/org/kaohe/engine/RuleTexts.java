package org.kaohe.engine;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

import org.kaohe.rules.RuleSource;

/** DRL text of every rule file; decision tables are converted with Drools' spreadsheet compiler. */
final class RuleTexts {

	private RuleTexts() {
	}

	static Map<String, String> of(RuleSource source) {
		Map<String, String> texts = new LinkedHashMap<>();
		for (Map.Entry<String, byte[]> f : source.files().entrySet()) {
			String lower = f.getKey().toLowerCase(Locale.ROOT);
			if (lower.endsWith(".drl")) {
				texts.put(f.getKey(), new String(f.getValue(), StandardCharsets.UTF_8));
			}
			else if (lower.endsWith(".drl.csv") || lower.endsWith(".drl.xlsx")) {
				try {
					texts.put(f.getKey(), new SpreadsheetCompiler().compile(new ByteArrayInputStream(f.getValue()),
							lower.endsWith(".csv") ? InputType.CSV : InputType.XLS));
				}
				catch (RuntimeException ex) {
					throw new IllegalArgumentException(f.getKey() + ": " + ex.getMessage(), ex);
				}
			}
		}
		return texts;
	}

}
