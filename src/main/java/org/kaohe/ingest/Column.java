package org.kaohe.ingest;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.kaohe.facts.SubjectType;

/**
 * A column of a fact table.
 *
 * @param name JSON field and spreadsheet header
 * @param label Chinese header
 * @param type value type
 * @param required whether every row must give it
 * @param enumType the allowed values of an ENUM column
 * @param refTypes subject types a SUBJECT_REF may point to (empty = any)
 * @param subjectTypes for the subjects table: the subject types the column applies to (empty = all)
 * @param nonNegative whether negative numbers are refused
 * @param example a value for the template's example row
 */
public record Column(String name, String label, ColumnType type, boolean required, Class<? extends Enum<?>> enumType,
		Set<SubjectType> refTypes, Set<SubjectType> subjectTypes, boolean nonNegative, String example) {

	/** The allowed values of an ENUM column, in declaration order. */
	public List<String> enumValues() {
		if (this.enumType == null) {
			return List.of();
		}
		return Arrays.stream(this.enumType.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
	}

	/** Whether the column applies to a subject of {@code type} (always true outside the subjects table). */
	public boolean appliesTo(SubjectType type) {
		return this.subjectTypes.isEmpty() || this.subjectTypes.contains(type);
	}

}
