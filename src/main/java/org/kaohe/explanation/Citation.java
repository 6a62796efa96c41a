package org.kaohe.explanation;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A figure or name the paragraph states, with where it comes from, so a reader (or a test) can check
 * every one of them.
 *
 * @param text the text as it appears in the paragraph
 * @param source {@code PARAMETER} (a value of the parameter file in force), {@code EVIDENCE} (a field of
 * an evidence row), {@code MEASURE} (a value read from the evidence rows by a condition's measure),
 * {@code OUTCOME} (a field of the outcome), {@code RUN} (provenance of the run), {@code DECISION} (the
 * effective outcome after appeals)
 * @param field the parameter name, the evidence field, the measure, or the outcome or run field
 * @param row the evidence row (0-based) for {@code EVIDENCE}, otherwise null
 * @param value the value cited
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Citation(String text, String source, String field, Integer row, Object value) {
}
