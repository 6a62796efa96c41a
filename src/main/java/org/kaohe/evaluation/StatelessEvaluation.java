package org.kaohe.evaluation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Service;

import org.kaohe.engine.EvaluationResult;
import org.kaohe.engine.RuleEngine;
import org.kaohe.engine.Ruleset;
import org.kaohe.facts.FactDocument;
import org.kaohe.facts.Period;
import org.kaohe.ingest.FactDocumentReader;
import org.kaohe.ingest.FactsHash;
import org.kaohe.ingest.FactProblem;
import org.kaohe.ingest.InvalidFactsException;
import org.kaohe.ingest.RowLocator;
import org.kaohe.ruleset.RulesetVersions;
import org.kaohe.system.BadRequestException;

/**
 * {@code POST /api/v1/evaluate}: fact documents in, outcomes out, nothing stored. Accepts one document,
 * or {@code {"periods": [doc, …], "asOf": "…", "rulesetVersion": "…"}} with earlier periods as history.
 * The ruleset is the version named, or else the one in force for the latest period. Every document is
 * validated before any is evaluated, and every problem of every document is reported.
 */
@Service
public class StatelessEvaluation {

	private static final Set<String> ENVELOPE_FIELDS = Set.of("periods", "asOf", "rulesetVersion");

	private final RuleEngine engine;

	private final RulesetVersions rulesets;

	StatelessEvaluation(RuleEngine engine, RulesetVersions rulesets) {
		this.engine = engine;
		this.rulesets = rulesets;
	}

	/** The latest readable period named by the documents, or null (the validation reports bad ones). */
	private static Period latestPeriod(List<JsonNode> trees) {
		Period latest = null;
		for (JsonNode t : trees) {
			String text = (t != null) ? t.path("period").asText("") : "";
			if (Period.isValid(text)) {
				Period p = Period.parse(text);
				latest = (latest == null || p.compareTo(latest) > 0) ? p : latest;
			}
		}
		return latest;
	}

	public EvaluationResponse evaluate(JsonNode body) {
		List<JsonNode> trees = new ArrayList<>();
		LocalDate asOf = null;
		String version = null;
		boolean envelope = body != null && body.isObject() && body.has("periods");
		if (envelope) {
			for (Iterator<String> it = body.fieldNames(); it.hasNext();) {
				String f = it.next();
				if (!ENVELOPE_FIELDS.contains(f)) {
					throw new BadRequestException("未知的字段 / unknown field: " + f + "（可用 / allowed: " + ENVELOPE_FIELDS + "）");
				}
			}
			if (!body.get("periods").isArray() || body.get("periods").isEmpty()) {
				throw new BadRequestException("periods 须为非空的事实文档数组 / periods must be a non-empty array of fact documents");
			}
			body.get("periods").forEach(trees::add);
			if (body.hasNonNull("asOf")) {
				try {
					asOf = LocalDate.parse(body.get("asOf").asText());
				}
				catch (DateTimeParseException ex) {
					throw new BadRequestException("asOf 须为日期 YYYY-MM-DD / asOf must be a date: " + body.get("asOf").asText());
				}
			}
			if (body.hasNonNull("rulesetVersion")) {
				if (!body.get("rulesetVersion").isTextual()) {
					throw new BadRequestException("rulesetVersion 须为文本 / rulesetVersion must be a string");
				}
				version = body.get("rulesetVersion").asText();
			}
		}
		else {
			trees.add(body);
		}
		// the version in force for the evaluated (latest) period decides how every document is validated
		Ruleset ruleset = this.rulesets.rulesetFor(latestPeriod(trees), version);

		FactDocumentReader reader = new FactDocumentReader(ruleset::validationContext);
		List<FactProblem> problems = new ArrayList<>();
		List<FactDocument> documents = new ArrayList<>();
		for (int i = 0; i < trees.size(); i++) {
			try {
				documents.add(reader.read(trees.get(i), RowLocator.JSON));
			}
			catch (InvalidFactsException ex) {
				int index = i;
				ex.getProblems().forEach(p -> problems.add(envelope ? p.inDocument(index) : p));
			}
		}
		if (problems.isEmpty()) {
			for (int i = 1; i < documents.size(); i++) {
				if (documents.get(i).getPeriod().equals(documents.get(i - 1).getPeriod())) {
					problems.add(new FactProblem(i, null, null, null, null, "$.periods[" + i + "].period", "period",
							"DUPLICATE_PERIOD", "期间 " + documents.get(i).getPeriod() + " 出现了两次",
							"period " + documents.get(i).getPeriod() + " appears twice"));
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidFactsException(problems);
		}
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < documents.size(); i++) {
			order.add(i);
		}
		order.sort(Comparator.comparing(i -> documents.get(i).getPeriod()));
		List<FactDocument> sorted = order.stream().map(documents::get).toList();
		List<JsonNode> sortedTrees = order.stream().map(trees::get).toList();

		EvaluationResult result = PeriodChain.evaluate(this.engine, ruleset, sorted, asOf);
		return new EvaluationResponse(result.period(), result.rulesetVersion(), FactsHash.of(sortedTrees), result.asOf(),
				result.outcomes());
	}

}
