package org.kaohe.bench;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kaohe.engine.EvaluationRequest;
import org.kaohe.engine.Ruleset;
import org.kaohe.facts.ConstructionSite;
import org.kaohe.facts.FactDocument;
import org.kaohe.facts.Inspection;
import org.kaohe.facts.Interview;
import org.kaohe.facts.LedgerTask;
import org.kaohe.facts.Person;
import org.kaohe.facts.Rank;
import org.kaohe.facts.RankRun;
import org.kaohe.facts.Subject;
import org.kaohe.facts.SubjectType;
import org.kaohe.outcome.InterviewChain;
import org.kaohe.outcome.Measure;
import org.kaohe.outcome.Outcome;
import org.kaohe.outcome.Outcomes;
import org.kaohe.outcome.PriorOutcome;
import org.kaohe.outcome.RuleInfo;
import org.kaohe.ranking.RankingCalculator;
import org.kaohe.rules.ChecklistProfile;
import org.kaohe.rules.Parameters;

/**
 * The floor of the benchmarks: {@link FiveRules} written by hand in plain Java, from the same
 * documents (ranks by the same {@link RankingCalculator}, amounts by the same parameters) to the
 * same outcome objects, with hash maps where the engine matches patterns. Reasons are left short:
 * the comparison is of subjects, rule ids, measures and amounts. Not a product feature — nothing
 * outside the benchmark uses it.
 */
final class HandWrittenEvaluator {

	private HandWrittenEvaluator() {
	}

	static List<Outcome> evaluate(Ruleset ruleset, EvaluationRequest request) {
		FactDocument current = request.current();
		LocalDate asOf = request.effectiveAsOf();
		Parameters p = ruleset.parametersFor(current.getPeriod());
		List<FactDocument> history = request.history()
			.stream()
			.filter(d -> d.getPeriod().start().isBefore(current.getPeriod().start()))
			.toList();
		Map<String, Subject> subjects = new HashMap<>();
		current.getSubjects().forEach(s -> subjects.put(s.getId(), s));
		Outcomes out = new Outcomes(current.getPeriod());
		Map<String, RuleInfo> info = new HashMap<>();
		for (String id : FiveRules.IDS) {
			ruleset.rule(id).ifPresent(d -> info.put(id, new RuleInfo(d.id(), d.name(), d.basis(), d.file(), d.line())));
		}
		INFO.set(info);

		sevenHundredPercent(current, subjects, p, out);
		severeLag(current, subjects, request.priorOutcomes(), asOf, p, out);
		weeklyRanks(current, history, ruleset, subjects, p, out);
		List<Outcome> main = out.drainNew();
		repeatInterviews(current, history, subjects, request.priorOutcomes(), main, asOf, p, out);
		return out.all();
	}

	private static void begin(Outcomes out, String id) {
		out.beginMatch(INFO.get().get(id), List.of());
	}

	/** The five rules' ids, names and basis (the outcome contract wants a basis), per evaluation. */
	private static final ThreadLocal<Map<String, RuleInfo>> INFO = new ThreadLocal<>();

	/** R-SITE-01: each current inspection with a failed checklist item. */
	private static void sevenHundredPercent(FactDocument doc, Map<String, Subject> subjects, Parameters p, Outcomes out) {
		ChecklistProfile checklist = p.checklist();
		int hours = p.integer("siteRectifyHours");
		for (Inspection i : doc.getInspections()) {
			int failed = 0;
			for (String code : checklist.codes()) {
				if (Boolean.FALSE.equals(i.getItems().get(code))) {
					failed++;
				}
			}
			if (failed > 0 && subjects.get(i.getSiteId()) instanceof ConstructionSite site) {
				begin(out, "R-SITE-01");
				out.impose(site, Measure.RECTIFY_ORDER, 2, site.getName() + "检查有" + failed + "项未达标").hours(hours);
				out.impose(site, Measure.WARNING, 2, site.getName() + "检查有" + failed + "项未达标");
				out.endMatch();
			}
		}
	}

	/** R-DEPT-02 (首次, 再次): a task due and far behind, escalated when an earlier period already dealt with it. */
	private static void severeLag(FactDocument doc, Map<String, Subject> subjects, List<PriorOutcome> prior, LocalDate asOf,
			Parameters p, Outcomes out) {
		double ratio = p.number("severeLagRatio");
		int days = p.integer("severeLagDays");
		Map<String, List<PriorOutcome>> lagged = new HashMap<>();
		for (PriorOutcome o : prior) {
			if (o.getRuleId().equals("R-DEPT-02")) {
				lagged.computeIfAbsent(o.getSubjectId(), x -> new ArrayList<>()).add(o);
			}
		}
		for (LedgerTask t : doc.getTasks()) {
			Subject owner = subjects.get(t.getOwnerId());
			if (owner == null || (owner.getType() != SubjectType.COUNTY && owner.getType() != SubjectType.DEPARTMENT)
					|| t.getDue().isAfter(asOf) || t.isCompleted()) {
				continue;
			}
			long late = Math.max(0, ChronoUnit.DAYS.between(t.getDue(), asOf));
			if (!(t.getCompletionRatio() < ratio || late > days)) {
				continue;
			}
			boolean before = lagged.getOrDefault(owner.getId(), List.of()).stream().anyMatch(o -> o.concerns("tasks", t.getId()));
			begin(out, "R-DEPT-02");
			if (!before) {
				out.impose(owner, Measure.PUBLIC_CRITICISM, 3, t.getTitle() + "严重滞后");
				out.impose(owner, Measure.INTERVIEW, 3, t.getTitle() + "严重滞后").target(org.kaohe.facts.PersonRole.DEPUTY);
			}
			else {
				out.impose(owner, Measure.LISTED_SUPERVISION, 3, t.getTitle() + "再次严重滞后");
				if (owner.getType() == SubjectType.COUNTY) {
					double wan = p.number("minFiscalDeductionWan");
					out.impose(owner, Measure.FISCAL_DEDUCTION, 3, t.getTitle() + "再次严重滞后").amountWan(wan);
				}
			}
			out.endMatch();
		}
	}

	/**
	 * R-CTY-02 (连续, 单周预警): runs of weekly bottom ranks per county and indicator; and R-CTY-04: the
	 * eco-compensation amount of each current month above the group mean.
	 */
	private static void weeklyRanks(FactDocument doc, List<FactDocument> history, Ruleset ruleset,
			Map<String, Subject> subjects, Parameters p, Outcomes out) {
		int k = p.integer("weeklyBottomK");
		int n = p.integer("consecutiveWeeksN");
		List<String> weekly = p.list("weeklyRankIndicators");
		List<String> eco = p.list("ecoCompensationIndicators");
		Map<String, List<Rank>> bottom = new HashMap<>();
		List<Rank> currentRanks = RankingCalculator.rank(doc, p);
		collectBottom(currentRanks, true, weekly, k, bottom);
		for (FactDocument d : history) {
			collectBottom(RankingCalculator.rank(d, ruleset.parametersFor(d.getPeriod())), false, weekly, k, bottom);
		}
		for (Subject c : doc.getSubjects()) {
			if (c.getType() != SubjectType.COUNTY) {
				continue;
			}
			for (String indicator : weekly) {
				List<Rank> ranks = bottom.get(c.getId() + "|" + indicator);
				if (ranks == null) {
					continue;
				}
				for (RankRun run : RankRun.split(ranks)) {
					if (!run.isCurrent()) {
						continue;
					}
					begin(out, "R-CTY-02");
					if (run.getLength() >= n) {
						out.impose(c, Measure.PUBLIC_CRITICISM, 2, c.getName() + "周排名连续" + run.getLength() + "周靠后");
					}
					else {
						out.impose(c, Measure.WARNING, 1, c.getName() + "周排名靠后");
					}
					out.endMatch();
				}
			}
		}
		var tiers = p.tiers("ecoCompensationTiers");
		for (Rank r : currentRanks) {
			if (r.isMonthly() && eco.contains(r.getIndicator()) && r.getValue() != null && r.getGroupMean() != null
					&& r.getExcessOverMean() > 0 && subjects.get(r.getSubjectId()) instanceof org.kaohe.facts.County c) {
				begin(out, "R-CTY-04");
				double wan = tiers.apply(r.getExcessOverMean());
				out.impose(c, Measure.FISCAL_DEDUCTION, 3, c.getName() + "月均浓度高于组内均值").amountWan(wan);
				out.endMatch();
			}
		}
	}

	private static void collectBottom(List<Rank> ranks, boolean current, List<String> indicators, int k,
			Map<String, List<Rank>> into) {
		for (Rank r : ranks) {
			if (r.isWeekly() && indicators.contains(r.getIndicator()) && r.getRankFromBottom() <= k && r.getOf() > k) {
				r.setCurrent(current);
				into.computeIfAbsent(r.getSubjectId() + "|" + r.getIndicator(), x -> new ArrayList<>()).add(r);
			}
		}
	}

	/**
	 * R-PER-01 (责任人, 单位): a chain of interviews (table, earlier outcomes, this period's outcomes)
	 * repeated without improvement.
	 */
	private static void repeatInterviews(FactDocument doc, List<FactDocument> history, Map<String, Subject> subjects,
			List<PriorOutcome> prior, List<Outcome> now, LocalDate asOf, Parameters p, Outcomes out) {
		int window = p.integer("interviewWindowDays");
		int repeatK = p.integer("interviewRepeatK");
		int referralK = p.integer("interviewReferralK");
		Map<String, List<Interview>> table = new HashMap<>();
		long asOfDay = asOf.toEpochDay();
		addInterviews(doc, true, asOfDay, table);
		history.forEach(d -> addInterviews(d, false, asOfDay, table));
		Map<String, List<PriorOutcome>> priorBySubject = new HashMap<>();
		for (PriorOutcome o : prior) {
			if (o.getMeasure() == Measure.INTERVIEW || o.getMeasure() == Measure.PUBLIC_INTERVIEW) {
				priorBySubject.computeIfAbsent(o.getSubjectId(), x -> new ArrayList<>()).add(o);
			}
		}
		Map<String, List<Outcome>> nowBySubject = new HashMap<>();
		for (Outcome o : now) {
			if (o.getMeasure() == Measure.INTERVIEW || o.getMeasure() == Measure.PUBLIC_INTERVIEW) {
				nowBySubject.computeIfAbsent(o.getSubjectId(), x -> new ArrayList<>()).add(o);
			}
		}
		for (Subject s : doc.getSubjects()) {
			boolean person = s instanceof Person;
			if (!person && s.getType() != SubjectType.COUNTY && s.getType() != SubjectType.DEPARTMENT) {
				continue;
			}
			List<PriorOutcome> pr = new ArrayList<>(priorBySubject.getOrDefault(s.getId(), List.of()));
			List<Outcome> nw = new ArrayList<>(nowBySubject.getOrDefault(s.getId(), List.of()));
			if (person && s.getParentId() != null) {
				Person pp = (Person) s;
				priorBySubject.getOrDefault(s.getParentId(), List.of())
					.stream()
					.filter(o -> o.getTargetRole() == pp.getRole())
					.forEach(pr::add);
				nowBySubject.getOrDefault(s.getParentId(), List.of())
					.stream()
					.filter(o -> o.getTargetRole() == pp.getRole())
					.forEach(nw::add);
			}
			List<Interview> tb = table.getOrDefault(s.getId(), List.of());
			if (tb.isEmpty() && pr.isEmpty() && nw.isEmpty()) {
				continue;
			}
			InterviewChain chain = InterviewChain.of(tb, pr, nw, person, asOf, window);
			if (chain == null || !chain.isRepeatWithoutImprovement() || chain.getCount() < repeatK) {
				continue;
			}
			begin(out, "R-PER-01");
			out.impose(s, Measure.ADMONITION_TALK, 5, s.getName() + "约谈后没有改进又被约谈");
			out.impose(s, Measure.PROMOTION_HOLD, 5, s.getName() + "约谈后没有改进又被约谈");
			if (chain.getCount() >= referralK) {
				out.impose(s, Measure.ACCOUNTABILITY_REFERRAL, 6, s.getName() + "约谈已达" + referralK + "次");
			}
			out.endMatch();
		}
	}

	private static void addInterviews(FactDocument doc, boolean current, long asOfDay, Map<String, List<Interview>> into) {
		for (Interview i : doc.getInterviews()) {
			if (i.getOn().toEpochDay() <= asOfDay) {
				Interview copy = i.copy();
				copy.setCurrent(current);
				copy.setDocumentPeriod(doc.getPeriod());
				into.computeIfAbsent(i.getSubjectId(), x -> new ArrayList<>()).add(copy);
			}
		}
	}

}
