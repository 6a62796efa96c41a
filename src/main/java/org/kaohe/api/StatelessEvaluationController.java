package org.kaohe.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import org.kaohe.system.Refusals;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.kaohe.evaluation.EvaluationResponse;
import org.kaohe.evaluation.StatelessEvaluation;
import org.kaohe.ingest.FactDocumentReader;

/** {@code POST /api/v1/evaluate}: evaluate fact documents without storing anything. */
@Tag(name = "评估 Evaluations")
@RestController
@RequestMapping("/api/v1")
class StatelessEvaluationController {

	private final StatelessEvaluation evaluation;

	StatelessEvaluationController(StatelessEvaluation evaluation) {
		this.evaluation = evaluation;
	}

	/**
	 * The body is read as bytes and parsed by Kaohe itself, so a syntax error comes back located like
	 * every other fact problem rather than as a framework message.
	 */
	@Operation(summary = "无状态评估：事实文档进，结论出，不存储 / Evaluate fact documents without storing anything", description = "一个事实文档，或 {periods: [文档, …], asOf, rulesetVersion}，最后一个为评估期间 / one document, or several periods, the last one evaluated")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "#/components/schemas/EvaluateRequest")))
	@Refusals({ 422 })
	@PostMapping(path = "/evaluate", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	EvaluationResponse evaluate(@RequestBody byte[] body) {
		JsonNode tree = new FactDocumentReader(p -> null).parse(body);
		return this.evaluation.evaluate(tree);
	}

}
