package org.kaohe.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.kaohe.evaluation.EvaluationRun;
import org.kaohe.evaluation.EvaluationRuns;
import org.kaohe.evaluation.OutcomeFilter;
import org.kaohe.evaluation.ReplayReport;
import org.kaohe.evaluation.RunSummary;
import org.kaohe.evaluation.StoredRun;
import org.kaohe.facts.Period;
import org.kaohe.facts.SubjectType;
import org.kaohe.outcome.Outcome;
import org.kaohe.outcome.OutcomeKind;
import org.kaohe.system.BadRequestException;
import org.kaohe.system.Page;
import org.kaohe.system.Paging;

/**
 * Stored evaluations: {@code POST /api/v1/evaluations {period, asOf?, rulesetVersion?}} evaluates a
 * stored period with its history and keeps the run; {@code GET} lists runs, shows one, pages its
 * outcomes with filters and totals them ({@code …/summary}); {@code POST …/{runId}/replay} checks that a
 * run still reproduces.
 */
@RestController
@RequestMapping("/api/v1/evaluations")
class EvaluationController {

	private static final Set<String> FIELDS = Set.of("period", "asOf", "rulesetVersion");

	private final EvaluationRuns runs;

	EvaluationController(EvaluationRuns runs) {
		this.runs = runs;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<StoredRun> evaluate(@RequestBody JsonNode body) {
		if (body == null || !body.isObject()) {
			throw new BadRequestException("请求体须为 JSON 对象 {period, asOf?, rulesetVersion?} / the body must be a JSON object");
		}
		for (Iterator<String> it = body.fieldNames(); it.hasNext();) {
			String f = it.next();
			if (!FIELDS.contains(f)) {
				throw new BadRequestException("未知的字段 / unknown field: " + f + "（可用 / allowed: period, asOf, rulesetVersion）");
			}
		}
		Period period = RequestParameters.period("period", text(body, "period"));
		if (period == null) {
			throw new BadRequestException("缺少 period（要评估的期间，如 2026-Q3）/ period is required, e.g. 2026-Q3");
		}
		LocalDate asOf = RequestParameters.date("asOf", text(body, "asOf"));
		StoredRun run = this.runs.evaluate(period, asOf, RequestParameters.text(text(body, "rulesetVersion")));
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create("/api/v1/evaluations/" + run.run().runId()))
			.body(run);
	}

	private static String text(JsonNode body, String field) {
		JsonNode v = body.get(field);
		if (v == null || v.isNull()) {
			return null;
		}
		if (!v.isTextual()) {
			throw new BadRequestException(field + " 须为文本 / " + field + " must be a string");
		}
		return v.textValue();
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	Page<EvaluationRun> list(@RequestParam(required = false) String period, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.runs.runs(RequestParameters.period("period", period), Paging.of(page, size));
	}

	@GetMapping(path = "/{runId}", produces = MediaType.APPLICATION_JSON_VALUE)
	EvaluationRun run(@PathVariable String runId) {
		return this.runs.run(runId);
	}

	@GetMapping(path = "/{runId}/outcomes", produces = MediaType.APPLICATION_JSON_VALUE)
	Page<Outcome> outcomes(@PathVariable String runId, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String subjectType, @RequestParam(required = false) String subjectId,
			@RequestParam(required = false) String ruleId, @RequestParam(required = false) String county,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.runs.outcomes(runId, filter(kind, subjectType, subjectId, ruleId, county), Paging.of(page, size));
	}

	/** Counts and money of the outcomes the same filters select, per kind, measure, subject type, rule and county. */
	@GetMapping(path = "/{runId}/summary", produces = MediaType.APPLICATION_JSON_VALUE)
	RunSummary summary(@PathVariable String runId, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String subjectType, @RequestParam(required = false) String subjectId,
			@RequestParam(required = false) String ruleId, @RequestParam(required = false) String county) {
		return this.runs.summary(runId, filter(kind, subjectType, subjectId, ruleId, county));
	}

	private static OutcomeFilter filter(String kind, String subjectType, String subjectId, String ruleId, String county) {
		return new OutcomeFilter(RequestParameters.enumValue("kind", kind, OutcomeKind.class),
				RequestParameters.enumValue("subjectType", subjectType, SubjectType.class), RequestParameters.text(subjectId),
				RequestParameters.text(ruleId), RequestParameters.text(county));
	}

	@PostMapping(path = "/{runId}/replay", produces = MediaType.APPLICATION_JSON_VALUE)
	ReplayReport replay(@PathVariable String runId) {
		return this.runs.replay(runId);
	}

}
