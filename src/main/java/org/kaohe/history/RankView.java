package org.kaohe.history;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.kaohe.facts.Period;
import org.kaohe.facts.Rank;

/**
 * A subject's rank for one period and indicator within its group, as served by the API.
 *
 * @param subjectId the ranked subject
 * @param subjectName its name
 * @param period the ranked period ({@code 2026-07}, {@code 2026-W27} …)
 * @param indicator indicator code
 * @param indicatorLabel its Chinese name
 * @param group ranking group ({@code 城区组}); null for subjects without one
 * @param value the measured value; null for an official rank without a measurement
 * @param target the target value, if any
 * @param yoyChangePct year-on-year change in percent, if any
 * @param rank 1 = best
 * @param rankFromBottom 1 = last (ties share it)
 * @param of units ranked in the group
 * @param groupMean mean of the group's values
 * @param source {@code COMPUTED} from measurements or {@code OFFICIAL} from the document's rankings
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RankView(String subjectId, String subjectName, Period period, String indicator, String indicatorLabel,
		String group, Double value, Double target, Double yoyChangePct, int rank, int rankFromBottom, int of,
		Double groupMean, String source) {

	public static RankView of(Rank r) {
		return new RankView(r.getSubjectId(), r.getSubjectName(), r.getPeriod(), r.getIndicator(), r.getIndicatorLabel(),
				r.getGroup(), r.getValue(), r.getTarget(), r.getYoyChangePct(), r.getRank(), r.getRankFromBottom(), r.getOf(),
				r.getGroupMean(), r.isOfficial() ? "OFFICIAL" : "COMPUTED");
	}

}
