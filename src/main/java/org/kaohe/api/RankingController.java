package org.kaohe.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.kaohe.facts.Granularity;
import org.kaohe.history.RankSeries;
import org.kaohe.history.Rankings;
import org.kaohe.system.Page;
import org.kaohe.system.Paging;

/**
 * {@code GET /api/v1/rankings?period=&indicator=&group=&granularity=}: computed ranks of a stored period
 * (the latest one when {@code period} is absent; a month or week gives only that month's or week's
 * ranks; {@code granularity} keeps the ranks of periods of that granularity only);
 * {@code …/series} and {@code …/indicators}: the same ranks over every stored period.
 */
@Tag(name = "排名 Rankings")
@RestController
@RequestMapping("/api/v1/rankings")
class RankingController {

	private final Rankings rankings;

	private final RankSeries series;

	RankingController(Rankings rankings, RankSeries series) {
		this.rankings = rankings;
		this.series = series;
	}

	@Operation(summary = "一个已存储期间的排名（默认最新）/ Computed ranks of a stored period")
	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	Rankings.PeriodRanks ranks(@RequestParam(required = false) String period,
			@RequestParam(required = false) String indicator, @RequestParam(required = false) String group,
			@RequestParam(required = false) String granularity, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.rankings.ranks(RequestParameters.period("period", period), RequestParameters.text(indicator),
				RequestParameters.text(group), RequestParameters.enumValue("granularity", granularity, Granularity.class),
				Paging.of(page, size));
	}

	/** Each unit's rank and value of one indicator over the stored periods, for trend charts. */
	@Operation(summary = "一个指标各单位历期排名和数值（趋势图）/ Each unit's rank and value of an indicator over time")
	@GetMapping(path = "/series", produces = MediaType.APPLICATION_JSON_VALUE)
	RankSeries.Series series(@RequestParam String indicator, @RequestParam(required = false) String granularity,
			@RequestParam(required = false) String group, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		Paging paging = Paging.of(page, size);
		return this.series.series(indicator.trim(), RequestParameters.enumValue("granularity", granularity, Granularity.class),
				RequestParameters.text(group)).page(paging);
	}

	/** The indicators the stored facts rank, with their granularities and groups. */
	@Operation(summary = "有排名的指标、粒度和分组 / Which indicators, granularities and groups are ranked")
	@GetMapping(path = "/indicators", produces = MediaType.APPLICATION_JSON_VALUE)
	Page<RankSeries.IndicatorCoverage> indicators(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return Page.slice(this.series.indicators(), Paging.of(page, size));
	}

}
