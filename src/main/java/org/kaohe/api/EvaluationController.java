package org.kaohe.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import org.kaohe.system.Refusals;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
import org.kaohe.evaluation.OutcomeExport;
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
@Tag(name = "评估 Evaluations", description = "评估已存储的期间并保存运行；查看运行、结论、汇总，重放 / evaluate stored periods and read the runs")
@RestController
@RequestMapping("/api/v1/evaluations")
class EvaluationController {

	private static final Set<String> FIELDS = Set.of("period", "asOf", "rulesetVersion");

	private final EvaluationRuns runs;

	EvaluationController(EvaluationRuns runs) {
		this.runs = runs;
	}

	@Operation(summary = "评估一个已存储期间并保存 / Evaluate a stored period and keep the run")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestBodies.Evaluation.class)))
	@ApiResponse(responseCode = "201", description = "已评估 / evaluated")
	@Refusals({ 422 })
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<StoredRun> evaluate(@RequestBody JsonNode body) {
		if (body == null || !body.isObject()) {
			throw new BadRequestException("请求体须为 JSON 对象 {period, asOf?, rulesetVersion?} / the body must be a JSON object");
		}
		for (Iterator<String> it = body.fieldNames(); it.hasNext();) {
			String f = it.next();
			if (!FIELDS.contains(f)) {
				throw BadRequestException.unknownField(f, java.util.List.of("period", "asOf", "rulesetVersion"));
			}
		}
		Period period = RequestParameters.period("period", text(body, "period"));
		if (period == null) {
			throw new BadRequestException("period", "MISSING", "缺少 period（要评估的期间，如 2026-Q3）/ period is required, e.g. 2026-Q3");
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
			throw BadRequestException.invalid(field, field + " 须为文本 / " + field + " must be a string");
		}
		return v.textValue();
	}

	@Operation(summary = "评估运行，新的在前 / Runs, newest first")
	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	Page<EvaluationRun> list(@RequestParam(required = false) String period, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.runs.runs(RequestParameters.period("period", period), Paging.of(page, size));
	}

	@Operation(summary = "一次运行：用了哪些修订版和之前的运行 / One run")
	@GetMapping(path = "/{runId}", produces = MediaType.APPLICATION_JSON_VALUE)
	EvaluationRun run(@PathVariable String runId) {
		return this.runs.run(runId);
	}

	@Operation(summary = "一次运行的结论（可筛选、分页）/ A run's outcomes, filtered and paged")
	@GetMapping(path = "/{runId}/outcomes", produces = MediaType.APPLICATION_JSON_VALUE)
	Page<Outcome> outcomes(@PathVariable String runId, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String subjectType, @RequestParam(required = false) String subjectId,
			@RequestParam(required = false) String ruleId, @RequestParam(required = false) String county,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.runs.outcomes(runId, filter(kind, subjectType, subjectId, ruleId, county), Paging.of(page, size));
	}

	/** Counts and money of the outcomes the same filters select, per kind, measure, subject type, rule and county. */
	@Operation(summary = "结论导出为 CSV（中文表头）/ The outcomes as CSV, Chinese headers", description = "筛选同 outcomes；以 = + - @ 开头的文字加前导撇号，防止公式注入 / same filters; text that a spreadsheet would take for a formula gets a leading apostrophe")
	@ApiResponse(responseCode = "200", description = "CSV（UTF-8，带 BOM）", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
	@GetMapping(path = "/{runId}/outcomes.csv")
	ResponseEntity<byte[]> outcomesCsv(@PathVariable String runId, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String subjectType, @RequestParam(required = false) String subjectId,
			@RequestParam(required = false) String ruleId, @RequestParam(required = false) String county) {
		List<Outcome> all = allOutcomes(runId, filter(kind, subjectType, subjectId, ruleId, county));
		return download(OutcomeExport.csv(all), new MediaType("text", "csv", StandardCharsets.UTF_8), "outcomes-" + runId + ".csv");
	}

	@Operation(summary = "结论导出为 XLSX（中文表头）/ The outcomes as an XLSX workbook, Chinese headers", description = "筛选同 outcomes / same filters")
	@ApiResponse(responseCode = "200", description = "工作簿 / the workbook", content = @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = "string", format = "binary")))
	@GetMapping(path = "/{runId}/outcomes.xlsx")
	ResponseEntity<byte[]> outcomesXlsx(@PathVariable String runId, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String subjectType, @RequestParam(required = false) String subjectId,
			@RequestParam(required = false) String ruleId, @RequestParam(required = false) String county) {
		List<Outcome> all = allOutcomes(runId, filter(kind, subjectType, subjectId, ruleId, county));
		return download(OutcomeExport.xlsx(all), TemplateController.XLSX, "outcomes-" + runId + ".xlsx");
	}

	/** Every outcome the filter selects, read page by page. */
	private List<Outcome> allOutcomes(String runId, OutcomeFilter filter) {
		List<Outcome> all = new ArrayList<>();
		for (int p = 0;; p++) {
			Page<Outcome> page = this.runs.outcomes(runId, filter, Paging.of(p, Paging.MAX_SIZE));
			all.addAll(page.content());
			if (page.content().size() < Paging.MAX_SIZE || all.size() >= page.total()) {
				return all;
			}
		}
	}

	private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String name) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(body);
	}

	@Operation(summary = "结论汇总：数量和金额，总计及按种类、措施、主体类型、规则、县区 / Counts and money of the outcomes")
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

	@Operation(summary = "以运行时的输入重新评估，核对结论是否一致 / Evaluate again with exactly what the run used")
	@Refusals({ 422 })
	@PostMapping(path = "/{runId}/replay", produces = MediaType.APPLICATION_JSON_VALUE)
	ReplayReport replay(@PathVariable String runId) {
		return this.runs.replay(runId);
	}

}
