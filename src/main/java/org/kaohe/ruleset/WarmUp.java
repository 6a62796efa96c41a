package org.kaohe.ruleset;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.kaohe.engine.EvaluationRequest;
import org.kaohe.engine.EvaluationResult;
import org.kaohe.engine.RuleEngine;
import org.kaohe.engine.Ruleset;
import org.kaohe.facts.FactDocument;
import org.kaohe.facts.Granularity;
import org.kaohe.facts.Period;
import org.kaohe.ingest.FactDocumentReader;
import org.kaohe.ingest.FactJson;
import org.kaohe.ingest.RowLocator;
import org.kaohe.ingest.ValidationContext;
import org.kaohe.rules.ParameterFile;

/**
 * Evaluates a tiny document with every kind of subject, an indicator, a site inspection, a task and an
 * issue before a ruleset goes live: the first evaluation with a fresh knowledge base builds its
 * networks and MVEL accessors, and that cost (and any rule that fails on ordinary facts) belongs to
 * the activation, not to the first request afterwards.
 */
final class WarmUp {

	private WarmUp() {
	}

	/**
	 * Runs the warm-up evaluation.
	 *
	 * @return the outcomes it produced (their number is logged)
	 * @throws RuntimeException whatever the engine throws for a ruleset that fails on ordinary facts
	 */
	static EvaluationResult run(RuleEngine engine, Ruleset ruleset) {
		List<ParameterFile.Version> versions = ruleset.parameterFile().versions();
		LocalDate day = versions.isEmpty() ? LocalDate.of(2026, 7, 1) : versions.get(versions.size() - 1).validFrom();
		Period period = Period.containing(day, Granularity.QUARTER);
		ValidationContext context = ruleset.validationContext(period);
		FactDocument document = new FactDocumentReader(ruleset::validationContext).read(document(period, context), RowLocator.JSON);
		return engine.evaluate(ruleset, EvaluationRequest.of(document));
	}

	private static ObjectNode document(Period period, ValidationContext context) {
		ObjectNode root = FactJson.mapper().createObjectNode();
		root.put("schemaVersion", 1);
		root.put("period", period.toString());
		root.put("submittedBy", "warm-up");
		ArrayNode subjects = root.putArray("subjects");
		subjects.addObject().put("id", "C1").put("type", "COUNTY").put("name", "预热区").put("group", "G");
		subjects.addObject().put("id", "C2").put("type", "COUNTY").put("name", "预热县").put("group", "G");
		subjects.addObject().put("id", "D1").put("type", "DEPARTMENT").put("name", "预热局").put("sector", "CONSTRUCTION");
		subjects.addObject()
			.put("id", "E1")
			.put("type", "ENTERPRISE")
			.put("name", "预热企业")
			.put("parentId", "C1")
			.put("industry", "OTHER")
			.put("performanceClass", "C")
			.put("onEmergencyList", false)
			.put("regulatorId", "D1");
		subjects.addObject()
			.put("id", "S1")
			.put("type", "SITE")
			.put("name", "预热工地")
			.put("parentId", "C1")
			.put("regulatorId", "D1")
			.put("builderId", "E1")
			.put("projectType", "HOUSING")
			.put("status", "WORKING")
			.put("startAcceptancePassed", true);
		subjects.addObject().put("id", "P1").put("type", "PERSON").put("name", "预热人").put("parentId", "C1").put("role", "GOV_HEAD");
		String month = Period.containing(period.start(), Granularity.MONTH).toString();
		if (!context.indicators().isEmpty()) {
			String indicator = context.indicators().iterator().next();
			ArrayNode measurements = root.putArray("measurements");
			measurements.addObject().put("subjectId", "C1").put("period", month).put("indicator", indicator).put("value", 40.0);
			measurements.addObject().put("subjectId", "C2").put("period", month).put("indicator", indicator).put("value", 50.0);
		}
		if (context.checklist() != null) {
			ObjectNode inspection = root.putArray("inspections").addObject();
			inspection.put("id", "IN-1").put("siteId", "S1").put("at", period.start().plusDays(10) + "T10:00:00").put("by", "预热");
			ObjectNode items = inspection.putObject("items");
			boolean first = true;
			for (String item : context.checklist().codes()) {
				items.put(item, !first);
				first = false;
			}
		}
		root.putArray("tasks")
			.addObject()
			.put("id", "T-1")
			.put("ownerId", "D1")
			.put("title", "预热任务")
			.put("due", period.start().plusDays(20).toString())
			.put("planned", 10)
			.put("done", 5)
			.put("unit", "项");
		root.putArray("issues")
			.addObject()
			.put("id", "I-1")
			.put("ownerId", "C1")
			.put("objectId", "S1")
			.put("category", "DUST")
			.put("source", "CITY_OFFICE")
			.put("foundOn", period.start().plusDays(5).toString())
			.put("deadline", period.start().plusDays(12).toString());
		return root;
	}

}
