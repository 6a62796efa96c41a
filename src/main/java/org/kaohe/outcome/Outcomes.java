package org.kaohe.outcome;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kaohe.facts.EvidenceBundle;
import org.kaohe.facts.Evidential;
import org.kaohe.facts.Period;
import org.kaohe.facts.Subject;
import org.kaohe.facts.SubjectRef;

/**
 * The {@code outcomes} global every rule file declares: the one way a consequence decides something.
 *
 * <pre>
 * outcomes.impose($site, Measure.STOP_WORK, 4, $site.name + "……").days(7);
 * </pre>
 *
 * <p>The rule author writes only the subject, measure, severity and reason; the engine tells this
 * collector which rule is firing and on which facts, and every outcome gets the rule's ID, name and
 * basis and those facts as evidence. When the consequence ends the outcome is checked against the
 * contract (fiscal money only for governments, fine referrals only with a statutory range …); a rule
 * that breaks it fails the evaluation rather than publishing a wrong sanction. One collector serves one
 * session on one thread.
 */
public final class Outcomes {

	private static final Comparator<Outcome> ORDER = Comparator.comparing(Outcome::getKind)
		.thenComparing(o -> o.getSubject().getId())
		.thenComparing(Outcome::getRuleId)
		.thenComparing(Outcome::getMeasure)
		.thenComparing(Outcome::getKey);

	private final Period period;

	private final List<Outcome> all = new ArrayList<>();

	private int drained;

	private RuleInfo rule;

	/** The evidence rows of the current match, built on its first impose (immutable, shared by its outcomes). */
	private List<Map<String, Object>> matchEvidence;

	private List<Object> matched = List.of();

	private final List<Outcome> pending = new ArrayList<>();

	/** A collector for one session evaluating {@code period}. */
	public Outcomes(Period period) {
		this.period = period;
	}

	// ---- for rule files ----

	/**
	 * Decides a measure for a subject.
	 *
	 * @param subject a {@link Subject} fact or a {@link SubjectRef} (a site's builder, an enterprise's
	 * regulator)
	 * @param measure the specific measure
	 * @param severity 0 (commendation) to 6, domain.md §2
	 * @param reason the plain-Chinese reason naming the facts and thresholds compared
	 * @return the outcome, for refinements ({@code .days(7)}, {@code .amountWan(30)} …)
	 */
	public Outcome impose(Object subject, Measure measure, int severity, String reason) {
		if (this.rule == null) {
			throw new IllegalStateException("outcomes.impose called outside a rule consequence");
		}
		if (this.matchEvidence == null) {
			// once per match: a consequence usually imposes two or three measures on the same facts
			this.matchEvidence = evidence(this.matched);
		}
		Outcome outcome = new Outcome(toRef(subject), measure, severity, reason, this.rule, this.matchEvidence);
		outcome.setPeriod(this.period);
		this.pending.add(outcome);
		return outcome;
	}

	/** Decides a measure with its default severity ({@link Measure#getDefaultSeverity()}). */
	public Outcome impose(Object subject, Measure measure, String reason) {
		return impose(subject, measure, measure.getDefaultSeverity(), reason);
	}

	private static SubjectRef toRef(Object subject) {
		if (subject instanceof Subject s) {
			return s.ref();
		}
		if (subject instanceof SubjectRef r) {
			return r;
		}
		throw new IllegalArgumentException("not a subject: " + subject);
	}

	// ---- for the engine ----

	/** Called before a consequence runs: which rule, on which matched objects. */
	public void beginMatch(RuleInfo rule, List<Object> matched) {
		this.rule = rule;
		this.matched = matched;
		this.matchEvidence = null;
		this.pending.clear();
	}

	/**
	 * Called after a consequence ran: checks what it decided and keeps it.
	 *
	 * @throws RuleContractException if an outcome breaks the contract
	 */
	public void endMatch() {
		try {
			for (Outcome o : this.pending) {
				OutcomeContract.check(o);
			}
			this.all.addAll(this.pending);
		}
		finally {
			this.pending.clear();
			this.rule = null;
			this.matched = List.of();
			this.matchEvidence = null;
		}
	}

	/** Outcomes decided since the previous call, to insert as facts for derived rules. */
	public List<Outcome> drainNew() {
		List<Outcome> fresh = List.copyOf(this.all.subList(this.drained, this.all.size()));
		this.drained = this.all.size();
		return fresh;
	}

	/** Every outcome decided in this session. */
	public List<Outcome> all() {
		return List.copyOf(this.all);
	}

	/**
	 * Puts the outcomes of all partitions in their stable order (kind, subject, rule, measure, key) and
	 * gives each its id and the ruleset version. The id is derived from the period and the outcome's
	 * key, so evaluating the same facts with the same rules gives the same ids.
	 */
	public static List<Outcome> seal(List<Outcome> outcomes, String rulesetVersion) {
		// each key is built once (it strings the evidence together), not at every comparison of the sort
		List<Keyed> keyed = new ArrayList<>(outcomes.size());
		for (Outcome o : outcomes) {
			keyed.add(new Keyed(o, o.getKey()));
		}
		keyed.sort(KEYED_ORDER);
		java.security.MessageDigest sha = sha256();
		java.util.HexFormat hex = java.util.HexFormat.of();
		java.util.Map<String, Integer> seen = new java.util.HashMap<>();
		List<Outcome> sorted = new ArrayList<>(keyed.size());
		for (Keyed k : keyed) {
			Outcome o = k.outcome();
			byte[] d = sha.digest((o.getPeriod() + "|" + k.key()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
			String base = "o-" + hex.formatHex(d, 0, 8);
			int n = seen.merge(base, 1, Integer::sum);
			o.seal((n == 1) ? base : base + "-" + n, o.getPeriod(), rulesetVersion);
			sorted.add(o);
		}
		return List.copyOf(sorted);
	}

	/** An outcome with its key, computed once for sorting and ids. */
	private record Keyed(Outcome outcome, String key) {
	}

	private static final Comparator<Keyed> KEYED_ORDER = Comparator.comparing((Keyed k) -> k.outcome().getKind())
		.thenComparing(k -> k.outcome().getSubject().getId())
		.thenComparing(k -> k.outcome().getRuleId())
		.thenComparing(k -> k.outcome().getMeasure())
		.thenComparing(Keyed::key);

	private static java.security.MessageDigest sha256() {
		try {
			return java.security.MessageDigest.getInstance("SHA-256");
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The matched objects as evidence rows: facts and earlier outcomes directly, the facts of bundles
	 * (rank runs) and of collected lists; duplicates removed, lists in a stable order.
	 */
	static List<Map<String, Object>> evidence(List<Object> matched) {
		Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
		// a bundle (rank run, interview chain, counted months) is the precise evidence; the lists it was cut
		// from are not, and of several bundles the last bound is the narrowest (the whole set, then the window)
		EvidenceBundle narrowest = null;
		for (Object o : matched) {
			if (o instanceof EvidenceBundle bundle) {
				narrowest = bundle;
			}
		}
		boolean bundled = narrowest != null;
		for (Object o : matched) {
			if (o instanceof Evidential ev) {
				add(rows, ev);
			}
			else if (o == narrowest) {
				narrowest.getEvidenceFacts().forEach(f -> add(rows, f));
			}
			else if (o instanceof Collection<?> c && !bundled) {
				c.stream()
					.filter(Evidential.class::isInstance)
					.map(Evidential.class::cast)
					.map(Evidential::evidence)
					.sorted(Comparator.comparing(EvidenceKeys::identity))
					.forEach(e -> rows.putIfAbsent(EvidenceKeys.identity(e) + e, e));
			}
		}
		return List.copyOf(rows.values());
	}

	private static void add(Map<String, Map<String, Object>> rows, Evidential ev) {
		Map<String, Object> e = ev.evidence();
		rows.putIfAbsent(EvidenceKeys.identity(e) + e, e);
	}

}
