package org.kaohe.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.kaohe.SpreadsheetFixture;
import org.kaohe.facts.Period;
import org.kaohe.rules.ChecklistProfile;

/** Upload files on disk for reader tests, and the validation context of the default rules. */
final class UploadFiles {

	static final ChecklistProfile CHECKLIST = new ChecklistProfile("HENAN_6_PLUS_1", "七个百分之百", SpreadsheetFixture.ITEMS);

	static final Function<Period, ValidationContext> CONTEXTS = p -> new ValidationContext(CHECKLIST,
			Set.of("PM25", "PM10", "COMPOSITE_INDEX", "GOOD_DAYS", "FIRE_POINTS", "ROAD_DUST_FAIL_SHARE", "ASSESSMENT_SCORE"));

	private UploadFiles() {
	}

	static UploadFile file(Path dir, String name, byte[] bytes) {
		try {
			Path p = dir.resolve(name);
			Files.write(p, bytes);
			return new UploadFile(name, p);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<UploadFile> files(Path dir, Map<String, byte[]> files) {
		List<UploadFile> list = new ArrayList<>();
		files.forEach((name, bytes) -> list.add(file(dir, name, bytes)));
		return list;
	}

	static ParsedUpload read(List<UploadFile> files, String period) {
		return SpreadsheetUpload.read(files, new DocumentFields(period, "市攻坚办", null), CONTEXTS, 1_000_000);
	}

}
