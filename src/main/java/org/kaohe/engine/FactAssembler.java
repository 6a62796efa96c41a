package org.kaohe.engine;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kaohe.facts.ConstructionSite;
import org.kaohe.facts.Enterprise;
import org.kaohe.facts.EvaluationContext;
import org.kaohe.facts.Exposure;
import org.kaohe.facts.Fact;
import org.kaohe.facts.FactDocument;
import org.kaohe.facts.Inspection;
import org.kaohe.facts.InspectionIssue;
import org.kaohe.facts.LedgerTask;
import org.kaohe.facts.Period;
import org.kaohe.facts.Rank;
import org.kaohe.facts.Subject;
import org.kaohe.facts.SubjectRef;
import org.kaohe.facts.SubjectType;
import org.kaohe.outcome.PriorOutcome;
import org.kaohe.ranking.RankingCalculator;
import org.kaohe.rules.ChecklistProfile;
import org.kaohe.rules.Parameters;

/**
 * Prepares the facts of one evaluation: copies every row (current period flagged {@code current}),
 * computes ranks per document, derives what rules compare (failed checklist items, days overdue as of
 * {@code asOf}, related subjects as refs) and splits everything by territory.
 *
 * <p>A territory is a county with its enterprises, sites and officials, or a department with its
 * officials. Rules relate facts only within a territory (cross-references such as a site's builder
 * arrive as {@link SubjectRef}s), so each territory can be evaluated in its own small session: the
 * measured way to keep Drools within reach of a plain loop (drools-notes §3). Rankings and group
 * means, the only comparisons across territories, are computed here before the sessions start.
 */
final class FactAssembler {

	private final Ruleset ruleset;

	private final EvaluationRequest request;

	private final Map<Period, Parameters> parametersByPeriod = new java.util.concurrent.ConcurrentHashMap<>();

	private final Map<String, Subject> subjects = new HashMap<>();

	/** Subject → territory root; read and filled by the document threads. */
	private final Map<String, String> territories = new java.util.concurrent.ConcurrentHashMap<>();

	/** Territory → its facts, as segments still to be copied (see {@link Segment}). */
	private final Map<String, List<Segment>> partitions = new LinkedHashMap<>();

	private final List<Rank> currentRanks = new ArrayList<>();

	private int factCount;

	private FactAssembler(Ruleset ruleset, EvaluationRequest request) {
		this.ruleset = ruleset;
		this.request = request;
	}

	static Assembly assemble(Ruleset ruleset, EvaluationRequest request) {
		return new FactAssembler(ruleset, request).run();
	}

	private Assembly run() {
		FactDocument current = this.request.current();
		Period period = current.getPeriod();
		LocalDate asOf = this.request.effectiveAsOf();
		List<FactDocument> history = this.request.history()
			.stream()
			.filter(d -> d.getPeriod().start().isBefore(period.start()))
			.sorted(Comparator.comparing(FactDocument::getPeriod).reversed())
			.toList();

		current.getSubjects().forEach(s -> this.subjects.put(s.getId(), s));
		history.forEach(d -> d.getSubjects().forEach(s -> this.subjects.putIfAbsent(s.getId(), s)));

		Parameters parameters = parameters(period);
		EvaluationContext context = new EvaluationContext(period, asOf);

		Sink subjectSink = new Sink();
		for (Subject s : current.getSubjects()) {
			Subject copy = s.copy();
			copy.setCurrent(true);
			copy.setDocumentPeriod(period);
			copy.setParent(ref(s.getParentId()));
			if (copy instanceof Enterprise e) {
				e.setRegulator(ref(e.getRegulatorId()));
			}
			else if (copy instanceof ConstructionSite site) {
				site.setRegulator(ref(site.getRegulatorId()));
				site.setBuilder(ref(site.getBuilderId()));
			}
			copy.setTerritoryId(territoryOf(s.getId()));
			subjectSink.add(s.getId(), copy);
		}
		// the documents are copied and derived side by side (each into its own sink), then merged in the
		// sequential order — current period first, history latest first — so every partition lists its
		// facts exactly as a one-thread assembly would
		history.forEach(d -> parameters(d.getPeriod()));
		for (Subject s : current.getSubjects()) {
			territoryOf(s.getId());
		}
		List<FactDocument> documents = new ArrayList<>();
		documents.add(current);
		documents.addAll(history);
		List<Sink> sinks = java.util.stream.IntStream.range(0, documents.size())
			.parallel()
			.mapToObj(i -> {
				Sink sink = new Sink();
				FactDocument d = documents.get(i);
				addRows(sink, d, i == 0, (i == 0) ? asOf : d.getPeriod().end());
				return sink;
			})
			.toList();
		merge(subjectSink);
		sinks.forEach(this::merge);
		this.currentRanks.addAll(sinks.get(0).ranks);
		Sink prior = new Sink();
		for (PriorOutcome p : this.request.priorOutcomes()) {
			if (p.getPeriod().start().isBefore(period.start())) {
				prior.add(p.getSubjectId(), p);
			}
		}
		merge(prior);
		return new Assembly(this, this.currentRanks, parameters, context, this.factCount);
	}

	/**
	 * Files a document's rows under their territories without copying them: ranks (new objects) as they
	 * are, every other row as the original, copied and derived by {@link #derive} when its partition is
	 * evaluated. So only the partitions in flight hold copies, not the whole province.
	 */
	private void addRows(Sink sink, FactDocument doc, boolean current, LocalDate asOf) {
		Parameters p = parameters(doc.getPeriod());
		ChecklistProfile checklist = p.checklist();
		sink.context = new DocContext(doc, current, asOf, p, checklist, (checklist != null) ? checklist.codes() : List.of());
		for (Rank r : RankingCalculator.rank(doc, p)) {
			mark(r, doc, current);
			if (current) {
				sink.ranks.add(r);
			}
			r.setTerritoryId(territoryOf(r.getSubjectId()));
			sink.add(r.getSubjectId(), r);
		}
		doc.getMeasurements().forEach(m -> sink.add(m.getSubjectId(), m));
		doc.getInspections().forEach(i -> sink.add(i.getSiteId(), i));
		doc.getTasks().forEach(t -> sink.add(t.getOwnerId(), t));
		doc.getIssues().forEach(i -> sink.add(i.getOwnerId(), i));
		doc.getViolations().forEach(v -> sink.add(v.getSubjectId(), v));
		doc.getExposures().forEach(e -> sink.add(e.getSubjectId(), e));
		doc.getSupervision().forEach(x -> sink.add(x.getDepartmentId(), x));
		doc.getInterviews().forEach(i -> sink.add(i.getSubjectId(), i));
		doc.getMonitoringAlarms().forEach(a -> sink.add(a.getSiteId(), a));
	}

	/** What deriving a document's rows needs. */
	private record DocContext(FactDocument doc, boolean current, LocalDate asOf, Parameters parameters,
			ChecklistProfile checklist, List<String> codes) {
	}

	/** The copy of a row the rules see: flagged current or not, with the values derived as of {@code asOf}. */
	private Object derive(Object row, DocContext c) {
		FactDocument doc = c.doc();
		boolean current = c.current();
		LocalDate asOf = c.asOf();
		if (row instanceof Rank) {
			return row;
		}
		if (row instanceof org.kaohe.facts.Measurement m) {
			org.kaohe.facts.Measurement copy = mark(m.copy(), doc, current);
			copy.setIndicatorLabel(c.parameters().indicatorLabel(m.getIndicator()));
			return copy;
		}
		if (row instanceof Inspection i) {
			Inspection copy = mark(i.copy(), doc, current);
			deriveFailedItems(copy, c.checklist(), c.codes());
			return copy;
		}
		if (row instanceof LedgerTask t) {
			LedgerTask copy = mark(t.copy(), doc, current);
			copy.setDueByAsOf(!t.getDue().isAfter(asOf));
			int late;
			if (t.getDone() >= t.getPlanned()) {
				late = (t.getCompletedOn() != null) ? (int) Math.max(0, ChronoUnit.DAYS.between(t.getDue(), t.getCompletedOn())) : 0;
			}
			else {
				late = (int) Math.max(0, ChronoUnit.DAYS.between(t.getDue(), asOf));
			}
			copy.setDaysOverdue(late);
			return copy;
		}
		if (row instanceof InspectionIssue i) {
			InspectionIssue copy = mark(i.copy(), doc, current);
			boolean rectified = i.getRectifiedOn() != null && !i.getRectifiedOn().isAfter(asOf);
			LocalDate until = rectified ? i.getRectifiedOn() : asOf;
			copy.setRectified(rectified);
			copy.setDaysOverdue((int) Math.max(0, ChronoUnit.DAYS.between(i.getDeadline(), until)));
			LocalDate periodStart = doc.getPeriod().start();
			copy.setOverdueThisPeriod(copy.getDaysOverdue() > 0
					&& (!rectified || !i.getRectifiedOn().isBefore(periodStart)));
			boolean closed = i.getClosedOn() != null && !i.getClosedOn().isAfter(asOf);
			copy.setClosureOverdue(i.getDeadline().isBefore(asOf)
					&& (!closed || (i.getClosedOn().isAfter(i.getDeadline()) && !i.getClosedOn().isBefore(periodStart))));
			Subject object = (i.getObjectId() != null) ? this.subjects.get(i.getObjectId()) : null;
			copy.setObjectName((object != null) ? object.getName() : null);
			return copy;
		}
		return mark(((Fact) row).copy(), doc, current);
	}

	private static <T extends Fact> T mark(T fact, FactDocument doc, boolean current) {
		fact.setCurrent(current);
		fact.setDocumentPeriod(doc.getPeriod());
		return fact;
	}

	private static void deriveFailedItems(Inspection inspection, ChecklistProfile checklist, List<String> codes) {
		Map<String, Boolean> items = inspection.getItems();
		List<String> failed = null;
		if (checklist != null && items != null) {
			for (String code : codes) {
				if (Boolean.FALSE.equals(items.get(code))) {
					if (failed == null) {
						failed = new ArrayList<>(2);
					}
					failed.add(code);
				}
			}
		}
		if (failed == null) {
			// most inspections pass every item: nothing to allocate
			inspection.setFailedItems(List.of());
			inspection.setFailedItemLabels("");
			return;
		}
		List<String> labels = new ArrayList<>(failed.size());
		failed.forEach(code -> labels.add(checklist.labelOf(code)));
		inspection.setFailedItems(List.copyOf(failed));
		inspection.setFailedItemLabels(String.join("、", labels));
	}

	private Parameters parameters(Period period) {
		return this.parametersByPeriod.computeIfAbsent(period, this.ruleset::parametersFor);
	}

	private void merge(Sink sink) {
		sink.partitions.forEach((territory, rows) -> this.partitions.computeIfAbsent(territory, k -> new ArrayList<>())
			.add(new Segment(sink.context, rows)));
		this.factCount += sink.count;
	}

	/**
	 * A run of one territory's rows from one document: to be copied and derived with {@code context},
	 * or (context null) ready as they are — subject copies, ranks, earlier outcomes.
	 */
	private record Segment(DocContext context, List<Object> rows) {
	}

	/** The territories, in the order their first fact was filed. */
	List<String> territories() {
		return List.copyOf(this.partitions.keySet());
	}

	/**
	 * A territory's facts for a session, copied and derived now (thread safe: the documents are only
	 * read), followed by the evaluation context.
	 */
	List<Object> facts(String territory, EvaluationContext context) {
		List<Segment> segments = this.partitions.getOrDefault(territory, List.of());
		int n = 1;
		for (Segment seg : segments) {
			n += seg.rows().size();
		}
		List<Object> facts = new ArrayList<>(n);
		for (Segment seg : segments) {
			if (seg.context() == null) {
				facts.addAll(seg.rows());
				continue;
			}
			for (Object row : seg.rows()) {
				Object copy = derive(row, seg.context());
				if (copy != row && copy instanceof Fact f) {
					f.setTerritoryId(territory);
				}
				facts.add(copy);
			}
		}
		facts.add(context);
		return facts;
	}

	/** Whether a current subject of the territory has this id (without copying the territory's rows). */
	boolean hasSubject(String territory, String subjectId) {
		for (Segment seg : this.partitions.getOrDefault(territory, List.of())) {
			if (seg.context() == null) {
				for (Object o : seg.rows()) {
					if (o instanceof Subject s && s.isCurrent() && s.getId().equals(subjectId)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/** One document's rows by territory (originals, not yet copied), filled by one thread. */
	private final class Sink {

		private final Map<String, List<Object>> partitions = new LinkedHashMap<>();

		private final List<Rank> ranks = new ArrayList<>();

		private DocContext context;

		private int count;

		void add(String subjectId, Object row) {
			this.partitions.computeIfAbsent(territoryOf(subjectId), k -> new ArrayList<>()).add(row);
			this.count++;
		}

	}

	private SubjectRef ref(String id) {
		Subject s = (id != null) ? this.subjects.get(id) : null;
		return (s != null) ? s.ref() : null;
	}

	/**
	 * The territory root of a subject: counties and departments are their own; enterprises, sites and
	 * persons belong to their parent's territory. Unknown subjects form their own territory.
	 */
	String territoryOf(String subjectId) {
		String cached = this.territories.get(subjectId);
		if (cached != null) {
			return cached;
		}
		String id = subjectId;
		Set<String> seen = new HashSet<>();
		while (true) {
			Subject s = this.subjects.get(id);
			if (s == null || s.getType() == SubjectType.COUNTY || s.getType() == SubjectType.DEPARTMENT
					|| s.getParentId() == null || !seen.add(id) || !this.subjects.containsKey(s.getParentId())) {
				break;
			}
			id = s.getParentId();
		}
		this.territories.put(subjectId, id);
		return id;
	}

	/**
	 * The prepared facts.
	 *
	 * @param assembler the territories and their facts ({@link #territories()}, {@link #facts(String)})
	 * @param currentRanks ranks of the evaluated period
	 * @param parameters the parameters in force for the evaluated period
	 * @param context the evaluation context
	 * @param factCount facts over all partitions, context excluded
	 */
	record Assembly(FactAssembler assembler, List<Rank> currentRanks, Parameters parameters, EvaluationContext context,
			int factCount) {

		List<String> territories() {
			return this.assembler.territories();
		}

		/** The territory's facts, copied now, the evaluation context last. */
		List<Object> facts(String territory) {
			return this.assembler.facts(territory, this.context);
		}

		boolean hasSubject(String territory, String subjectId) {
			return this.assembler.hasSubject(territory, subjectId);
		}

	}

}
