package org.kaohe.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kaohe.system.Refusals;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.kaohe.appeal.SubjectRecords;
import org.kaohe.explanation.WhyNot;
import org.kaohe.explanation.WhyNotAnswer;
import org.kaohe.facts.SubjectType;
import org.kaohe.history.SubjectCatalogue;
import org.kaohe.system.Paging;

/**
 * {@code GET /api/v1/subjects?period=&type=&county=&q=}: the units of a stored period;
 * {@code GET /api/v1/subjects/{id}/history}: a unit's facts, ranks and outcomes over time, each outcome
 * as in force after appeals beside the machine's; {@code …/why-not?period=&rule=}: the rules it narrowly
 * escaped.
 */
@Tag(name = "单位 Subjects")
@RestController
@RequestMapping("/api/v1/subjects")
class SubjectController {

	private final SubjectRecords history;

	private final SubjectCatalogue catalogue;

	private final WhyNot whyNot;

	SubjectController(SubjectRecords history, SubjectCatalogue catalogue, WhyNot whyNot) {
		this.history = history;
		this.catalogue = catalogue;
		this.whyNot = whyNot;
	}

	@Operation(summary = "一个已存储期间的单位（可按类型、县区、名称筛选）/ The units of a stored period")
	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	SubjectCatalogue.Listing list(@RequestParam(required = false) String period, @RequestParam(required = false) String type,
			@RequestParam(required = false) String county, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.catalogue.list(RequestParameters.period("period", period),
				RequestParameters.enumValue("type", type, SubjectType.class), RequestParameters.text(county),
				RequestParameters.text(q), Paging.of(page, size));
	}

	@Operation(summary = "一个单位历期的事实、排名和结论 / A unit's facts, ranks and outcomes period by period")
	@GetMapping(path = "/{id}/history", produces = MediaType.APPLICATION_JSON_VALUE)
	SubjectRecords.History history(@PathVariable String id) {
		return this.history.of(id);
	}

	@Operation(summary = "差一点触发的规则：哪个条件不满足、差多少 / The rules a unit narrowly escaped")
	@Refusals({ 422 })
	@GetMapping(path = "/{id}/why-not", produces = MediaType.APPLICATION_JSON_VALUE)
	WhyNotAnswer whyNot(@PathVariable String id, @RequestParam(required = false) String period,
			@RequestParam(required = false) String rule) {
		return this.whyNot.ask(id, RequestParameters.period("period", period), RequestParameters.text(rule));
	}

}
