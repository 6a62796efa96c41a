package org.kaohe.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.kaohe.appeal.Decision;
import org.kaohe.facts.Granularity;
import org.kaohe.facts.PersonRole;
import org.kaohe.facts.SubjectType;
import org.kaohe.ingest.UploadFormat;
import org.kaohe.outcome.Measure;
import org.kaohe.outcome.OutcomeKind;
import org.kaohe.ruleset.OutcomeDiff;
import org.kaohe.ruleset.RulesetCatalogue;
import org.kaohe.ruleset.VersionStatus;
import org.kaohe.system.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's Chinese names of the contract's enumerations ({@code static/js/labels.js}) are the
 * Java enums' own: a value added or renamed in Java without the console following fails here.
 */
class ConsoleLabelsTests {

	private static final Path LABELS = Path.of("src/main/resources/static/js/labels.js");

	@Test
	void kindsAndSubjectTypesAndRolesHaveTheLabelsOfTheirEnums() throws IOException {
		String js = Files.readString(LABELS);

		assertThat(table(js, "KIND_LABELS")).isEqualTo(labels(OutcomeKind.values(), OutcomeKind::getLabel));
		assertThat(table(js, "SUBJECT_TYPE_LABELS")).isEqualTo(labels(SubjectType.values(), SubjectType::getLabel));
		assertThat(table(js, "PERSON_ROLE_LABELS")).isEqualTo(labels(PersonRole.values(), PersonRole::getLabel));
		assertThat(table(js, "GRANULARITY_LABELS").keySet()).containsExactlyElementsOf(names(Granularity.values()));
		assertThat(table(js, "USER_ROLE_LABELS").keySet()).containsExactlyElementsOf(names(Role.values()));
		assertThat(table(js, "FORMAT_LABELS").keySet()).containsExactlyElementsOf(names(UploadFormat.values()));
		assertThat(table(js, "MEASURE_LABELS")).isEqualTo(labels(Measure.values(), Measure::getLabel));
		assertThat(table(js, "DECISION_LABELS")).isEqualTo(labels(Decision.values(), Decision::getLabel));
		assertThat(table(js, "RULESET_STATE_LABELS").keySet()).containsExactlyElementsOf(names(RulesetCatalogue.State.values()));
		assertThat(table(js, "VERSION_STATUS_LABELS").keySet()).containsExactlyElementsOf(names(VersionStatus.values()));
		assertThat(table(js, "CHANGE_TYPE_LABELS").keySet()).containsExactlyElementsOf(names(OutcomeDiff.ChangeType.values()));
	}

	/** The entries {@code KEY: '值'} of {@code export const NAME = {…};}, in order. */
	private static Map<String, String> table(String js, String name) {
		Matcher block = Pattern.compile("export const " + name + " = \\{(.*?)\\};", Pattern.DOTALL).matcher(js);
		assertThat(block.find()).as("%s in labels.js", name).isTrue();
		Map<String, String> entries = new LinkedHashMap<>();
		Matcher entry = Pattern.compile("(\\w+): '([^']*)'").matcher(block.group(1));
		while (entry.find()) {
			entries.put(entry.group(1), entry.group(2));
		}
		return entries;
	}

	private static <E extends Enum<E>> Map<String, String> labels(E[] values, Function<E, String> label) {
		return Arrays.stream(values)
			.collect(Collectors.toMap(Enum::name, label, (a, b) -> a, LinkedHashMap::new));
	}

	private static <E extends Enum<E>> java.util.List<String> names(E[] values) {
		return Arrays.stream(values).map(Enum::name).toList();
	}

}
