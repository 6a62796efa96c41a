package org.kaohe.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.kaohe.evaluation.PeriodOverview;
import org.kaohe.system.Page;
import org.kaohe.system.Paging;

/**
 * {@code GET /api/v1/periods}: the stored periods, latest first, each with its latest revision and
 * latest run ({@code evaluated} false when it was never evaluated or corrected since).
 */
@Tag(name = "期间 Periods")
@RestController
@RequestMapping("/api/v1/periods")
class PeriodController {

	private final PeriodOverview overview;

	PeriodController(PeriodOverview overview) {
		this.overview = overview;
	}

	@Operation(summary = "已存储的期间：最新修订版、最新运行、是否已评估 / Stored periods, latest first")
	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	Page<PeriodOverview.PeriodStatus> list(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.overview.periods(Paging.of(page, size));
	}

}
