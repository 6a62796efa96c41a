package org.kaohe.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import org.kaohe.facts.Period;

/**
 * An upload turned into a fact document tree, before validation: the tree, how to locate its rows in
 * the files it came from, and the problems found while reading (unknown columns, undecodable files …).
 *
 * @param tree the document as JSON, whatever the upload format
 * @param locator places a (table, row, field) back in the JSON, file or sheet
 * @param readProblems problems found while reading the files
 * @param redundant validator problems already said better by a read problem (a required column
 * missing from the header need not be reported again on every row)
 * @param format how the document arrived
 * @param source the file names (and encodings) it was read from, for the record
 */
public record ParsedUpload(JsonNode tree, RowLocator locator, List<FactProblem> readProblems,
		Predicate<FactProblem> redundant, UploadFormat format, String source) {

	public ParsedUpload {
		readProblems = List.copyOf(readProblems);
	}

	/** A JSON document. */
	public static ParsedUpload json(JsonNode tree, String source) {
		return new ParsedUpload(tree, RowLocator.JSON, List.of(), p -> false, UploadFormat.JSON, source);
	}

	/**
	 * Every problem of the upload: those found while reading, then the validator's on the tree.
	 *
	 * @param contexts what the ruleset requires of a document of a period
	 */
	public List<FactProblem> problems(Function<Period, ValidationContext> contexts) {
		List<FactProblem> all = new ArrayList<>(this.readProblems);
		if (this.tree != null) {
			FactDocumentValidator.validate(this.tree, contexts, this.locator)
				.stream()
				.filter(this.redundant.negate())
				.forEach(all::add);
		}
		return all;
	}

}
