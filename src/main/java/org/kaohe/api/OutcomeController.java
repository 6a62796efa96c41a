package org.kaohe.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import org.kaohe.system.Refusals;
import java.net.URI;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.kaohe.appeal.Appeal;
import org.kaohe.appeal.Appeals;
import org.kaohe.appeal.OutcomeRecord;
import org.kaohe.explanation.Explanation;
import org.kaohe.explanation.Explanations;
import org.kaohe.system.BadRequestException;

/**
 * One stored outcome: {@code GET /api/v1/outcomes/{id}} (the machine outcome with what is in force after
 * appeals), {@code …/explanation} (JSON, or the paragraph alone with {@code Accept: text/plain} or
 * {@code ?format=text}), and {@code POST …/appeals} to appeal it.
 */
@Tag(name = "结论 Outcomes")
@RestController
@RequestMapping("/api/v1/outcomes")
class OutcomeController {

	private static final Set<String> APPEAL_FIELDS = Set.of("reason", "attachment");

	private static final MediaType TEXT = new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8);

	private final Appeals appeals;

	private final Explanations explanations;

	OutcomeController(Appeals appeals, Explanations explanations) {
		this.appeals = appeals;
		this.explanations = explanations;
	}

	@Operation(summary = "一条已存储的结论，及申诉后生效的结论 / One stored outcome with what is in force after appeals")
	@GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	OutcomeRecord outcome(@PathVariable String id) {
		return this.appeals.record(id);
	}

	@Operation(summary = "为什么得出这条结论（JSON，或 format=text / Accept: text/plain 时为一段文字）/ Why it happened")
	@ApiResponse(responseCode = "200", description = "解释 / the explanation", content = { @Content(mediaType = "application/json", schema = @Schema(implementation = org.kaohe.explanation.Explanation.class)), @Content(mediaType = "text/plain", schema = @Schema(type = "string")) })
	@GetMapping(path = "/{id}/explanation", produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE })
	ResponseEntity<?> explanation(@PathVariable String id, @RequestParam(required = false) String format,
			@RequestHeader(name = "Accept", required = false) String accept) {
		String f = RequestParameters.text(format);
		if (f != null && !f.equals("text") && !f.equals("json")) {
			throw new BadRequestException("format 须为 json 或 text / format must be json or text: " + format);
		}
		Explanation explanation = this.explanations.explain(id);
		boolean text = "text".equals(f) || (f == null && accept != null && accept.contains("text/plain") && !accept.contains("json"));
		if (text) {
			return ResponseEntity.ok().contentType(TEXT).body(explanation.paragraph());
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(explanation);
	}

	@Operation(summary = "对结论提出申诉 / Appeal an outcome")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestBodies.Appeal.class)))
	@ApiResponse(responseCode = "201", description = "已受理 / filed")
	@Refusals({ 409 })
	@PostMapping(path = "/{id}/appeals", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Appeal> appeal(@PathVariable String id, @RequestBody JsonNode body) {
		if (body == null || !body.isObject()) {
			throw new BadRequestException("请求体须为 JSON 对象 {reason, attachment?} / the body must be a JSON object {reason, attachment?}");
		}
		for (Iterator<String> it = body.fieldNames(); it.hasNext();) {
			String f = it.next();
			if (!APPEAL_FIELDS.contains(f)) {
				throw BadRequestException.unknownField(f, java.util.List.of("reason", "attachment"));
			}
		}
		Appeal appeal = this.appeals.file(id, JsonFields.text(body, "reason"), JsonFields.text(body, "attachment"));
		return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/appeals/" + appeal.id())).body(appeal);
	}

}
