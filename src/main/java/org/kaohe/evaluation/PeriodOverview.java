package org.kaohe.evaluation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.springframework.stereotype.Service;

import org.kaohe.facts.Period;
import org.kaohe.history.FactBatch;
import org.kaohe.history.StoredPeriods;
import org.kaohe.ingest.UploadFormat;
import org.kaohe.system.Page;
import org.kaohe.system.Paging;

/**
 * {@code GET /api/v1/periods}: every stored period with its latest revision and its latest run, so a
 * client sees at once what can be evaluated and which periods were corrected since their last run.
 */
@Service
public class PeriodOverview {

	private final StoredPeriods periods;

	private final RunRepository runs;

	PeriodOverview(StoredPeriods periods, RunRepository runs) {
		this.periods = periods;
		this.runs = runs;
	}

	/** The stored periods, latest period first. */
	public Page<PeriodStatus> periods(Paging paging) {
		Map<Period, EvaluationRun> latestRuns = new HashMap<>();
		this.runs.latestRunOfEveryPeriod().forEach(r -> latestRuns.put(r.period(), r));
		List<PeriodStatus> all = new ArrayList<>();
		for (FactBatch b : this.periods.latestOfEveryPeriod()) {
			EvaluationRun run = latestRuns.get(b.period());
			LatestRun latest = (run != null)
					? new LatestRun(run.runId(), run.runNumber(), run.revision(), run.createdAt(), run.outcomeCount()) : null;
			all.add(new PeriodStatus(b.period(), b.revision(), b.batchId(), b.uploadedAt(), b.uploadedBy(), b.format(),
					latest, run != null && run.revision() == b.revision()));
		}
		all.sort(Comparator.comparing(PeriodStatus::period).reversed());
		return Page.slice(all, paging);
	}

	/**
	 * A stored period.
	 *
	 * @param period the period
	 * @param revision its latest revision
	 * @param batchId the upload of that revision
	 * @param uploadedAt when it was stored
	 * @param uploadedBy its {@code submittedBy}
	 * @param format how it arrived
	 * @param latestRun the period's latest run, or null when it was never evaluated
	 * @param evaluated whether the latest run evaluated the latest revision (false when never evaluated
	 * or corrected since)
	 */
	@JsonPropertyOrder({ "period", "revision", "batchId", "uploadedAt", "uploadedBy", "format", "latestRun", "evaluated" })
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record PeriodStatus(Period period, int revision, String batchId, OffsetDateTime uploadedAt, String uploadedBy,
			UploadFormat format, LatestRun latestRun, boolean evaluated) {
	}

	/**
	 * The latest run of a period.
	 *
	 * @param runId the run
	 * @param runNumber its number within the period
	 * @param revision the revision it evaluated
	 * @param createdAt when it was stored
	 * @param outcomeCount its outcomes
	 */
	public record LatestRun(String runId, int runNumber, int revision, OffsetDateTime createdAt, int outcomeCount) {
	}

}
