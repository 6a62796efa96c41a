package org.kaohe.api;

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
	@PostMapping(path = "/evaluate", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	EvaluationResponse evaluate(@RequestBody byte[] body) {
		JsonNode tree = new FactDocumentReader(p -> null).parse(body);
		return this.evaluation.evaluate(tree);
	}

}
