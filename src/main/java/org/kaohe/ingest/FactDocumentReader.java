package org.kaohe.ingest;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.kaohe.facts.FactDocument;
import org.kaohe.facts.Period;

/**
 * Reads fact documents: parses, validates the whole document, and only then builds the fact objects.
 * A document with any problem is refused with all of them ({@link InvalidFactsException}).
 */
public final class FactDocumentReader {

	private final Function<Period, ValidationContext> contexts;

	private final ObjectMapper mapper = FactJson.mapper();

	/**
	 * @param contexts what the ruleset requires of a document of a given period (checklist,
	 * indicators); called with null when the period is unreadable
	 */
	public FactDocumentReader(Function<Period, ValidationContext> contexts) {
		this.contexts = contexts;
	}

	/** Reads a JSON document. */
	public FactDocument read(byte[] json) {
		return read(parse(json), RowLocator.JSON);
	}

	/**
	 * Parses JSON text into a tree.
	 *
	 * @throws InvalidFactsException with one problem locating the syntax error
	 */
	public JsonNode parse(byte[] json) {
		try {
			JsonNode node = this.mapper.readTree(json);
			if (node == null || node.isMissingNode()) {
				throw new InvalidFactsException(List.of(RowLocator.JSON.locate(null, null, null, "EMPTY_DOCUMENT",
						"文档为空", "the document is empty")));
			}
			return node;
		}
		catch (JsonProcessingException ex) {
			var loc = ex.getLocation();
			String where = (loc != null) ? "第" + loc.getLineNr() + "行第" + loc.getColumnNr() + "列" : "";
			String whereEn = (loc != null) ? " at line " + loc.getLineNr() + ", column " + loc.getColumnNr() : "";
			throw new InvalidFactsException(List.of(new FactProblem(null, null, null, (loc != null) ? loc.getLineNr() : null,
					(loc != null) ? String.valueOf(loc.getColumnNr()) : null, "$", null, "MALFORMED_JSON",
					"JSON 格式错误" + where + "：" + ex.getOriginalMessage(), "malformed JSON" + whereEn + ": " + ex.getOriginalMessage())));
		}
		catch (IOException ex) {
			throw new InvalidFactsException(List.of(RowLocator.JSON.locate(null, null, null, "UNREADABLE",
					"无法读取文档：" + ParserMessages.of(ex), "cannot read the document: " + ParserMessages.of(ex))));
		}
	}

	/**
	 * Validates a document tree and converts it.
	 *
	 * @throws InvalidFactsException listing every problem
	 */
	public FactDocument read(JsonNode tree, RowLocator locator) {
		List<FactProblem> problems = FactDocumentValidator.validate(tree, this.contexts, locator);
		if (!problems.isEmpty()) {
			throw new InvalidFactsException(problems);
		}
		return convert(tree);
	}

	/**
	 * Converts a stored document without validating it again: it was validated when it was uploaded,
	 * and a later ruleset must still be able to evaluate (or replay) what was accepted then.
	 */
	public FactDocument readStored(JsonNode tree) {
		return convert(tree);
	}

	/** Converts a tree that passed validation. */
	FactDocument convert(JsonNode tree) {
		try {
			FactDocument document = this.mapper.treeToValue(tree, FactDocument.class);
			document.rows().forEach(f -> f.setDocumentPeriod(document.getPeriod()));
			return document;
		}
		catch (JsonProcessingException | IllegalArgumentException ex) {
			// validation accepts only what converts; reaching here is a bug in the schema
			throw new IllegalStateException("validated document did not convert: " + ex.getMessage(), ex);
		}
	}

}
