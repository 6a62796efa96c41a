package org.kaohe.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import org.kaohe.system.Refusals;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.kaohe.appeal.AppealView;
import org.kaohe.appeal.Appeals;
import org.kaohe.appeal.Decision;
import org.kaohe.appeal.DecisionRequest;
import org.kaohe.outcome.Measure;
import org.kaohe.system.BadRequestException;
import org.kaohe.system.Page;
import org.kaohe.system.Paging;

/**
 * Appeals: the reviewers' inbox {@code GET /api/v1/appeals?status=}, one appeal, and
 * {@code POST /api/v1/appeals/{id}/decision} to uphold, amend or revoke.
 */
@Tag(name = "申诉复核 Appeals")
@RestController
@RequestMapping("/api/v1/appeals")
class AppealController {

	private static final Set<String> STATUSES = Set.of("PENDING", "DECIDED", "UPHELD", "AMENDED", "REVOKED");

	private static final Set<String> DECISION_FIELDS = Set.of("decision", "reason", "measure", "amountYuan", "durationDays",
			"durationHours");

	private final Appeals appeals;

	AppealController(Appeals appeals) {
		this.appeals = appeals;
	}

	@Operation(summary = "申诉列表（复核人收件箱）/ Appeals, the reviewers' inbox")
	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	Page<AppealView> inbox(@RequestParam(required = false) String status, @RequestParam(required = false) String subjectId,
			@RequestParam(required = false) String runId, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		String s = RequestParameters.text(status);
		if (s != null) {
			s = s.toUpperCase(Locale.ROOT);
			if (!STATUSES.contains(s)) {
				throw new BadRequestException("status 的值无效 / invalid status: " + status + "（可选 / allowed: " + STATUSES + "）");
			}
		}
		return this.appeals.views(this.appeals.inbox(s, RequestParameters.text(subjectId), RequestParameters.text(runId),
				Paging.of(page, size)));
	}

	@Operation(summary = "一件申诉 / One appeal")
	@GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	AppealView appeal(@PathVariable String id) {
		return this.appeals.view(id);
	}

	@Operation(summary = "复核决定：维持、变更或撤销 / Decide: uphold, amend or revoke")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestBodies.Decision.class)))
	@Refusals({ 409 })
	@PostMapping(path = "/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	AppealView decide(@PathVariable String id, @RequestBody JsonNode body) {
		if (body == null || !body.isObject()) {
			throw new BadRequestException("请求体须为 JSON 对象 / the body must be a JSON object {decision, reason, measure?, amountYuan?, "
					+ "durationDays?, durationHours?}");
		}
		for (Iterator<String> it = body.fieldNames(); it.hasNext();) {
			String f = it.next();
			if (!DECISION_FIELDS.contains(f)) {
				throw BadRequestException.unknownField(f, DECISION_FIELDS);
			}
		}
		Decision decision = RequestParameters.enumValue("decision", JsonFields.text(body, "decision"), Decision.class);
		Measure measure = RequestParameters.enumValue("measure", JsonFields.text(body, "measure"), Measure.class);
		Long days = JsonFields.number(body, "durationDays");
		Long hours = JsonFields.number(body, "durationHours");
		this.appeals.decide(id, new DecisionRequest(decision, JsonFields.text(body, "reason"), measure, JsonFields.number(body, "amountYuan"),
				(days != null) ? Math.toIntExact(days) : null, (hours != null) ? Math.toIntExact(hours) : null));
		return this.appeals.view(id);
	}

}
