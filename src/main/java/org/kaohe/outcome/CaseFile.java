package org.kaohe.outcome;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.kaohe.facts.EvidenceBundle;
import org.kaohe.facts.PersonRole;
import org.kaohe.facts.SubjectRef;

/**
 * The outcomes of the evaluated period about one subject, grouped, so rules that follow up a case
 * (一案四查, 负面信息库) act once per subject however many measures the case carried.
 *
 * <pre>
 * $found : List( size &gt; 0 ) from collect( Outcome( ruleId == "R-ENT-02" ) )
 * $case : CaseFile() from CaseFile.group($found)
 * </pre>
 */
public final class CaseFile implements EvidenceBundle {

	private final SubjectRef subject;

	private final List<Outcome> outcomes;

	private CaseFile(SubjectRef subject, List<Outcome> outcomes) {
		this.subject = subject;
		this.outcomes = List.copyOf(outcomes);
	}

	/** One case file per subject, in subject id order. */
	public static List<CaseFile> group(Collection<?> outcomes) {
		Map<String, List<Outcome>> bySubject = new LinkedHashMap<>();
		outcomes.stream()
			.map(o -> (Outcome) o)
			.sorted(java.util.Comparator.comparing((Outcome o) -> o.getSubject().getId()).thenComparing(Outcome::getKey))
			.forEach(o -> bySubject.computeIfAbsent(o.getSubject().getId(), k -> new ArrayList<>()).add(o));
		return bySubject.values().stream().map(list -> new CaseFile(list.get(0).getSubject(), list)).toList();
	}

	public SubjectRef getSubject() {
		return this.subject;
	}

	public String getSubjectId() {
		return this.subject.getId();
	}

	public List<Outcome> getOutcomes() {
		return this.outcomes;
	}

	/** The most severe measure of the case. */
	public int getSeverity() {
		return this.outcomes.stream().mapToInt(Outcome::getSeverity).max().orElse(0);
	}

	/** The leader roles the case's outcomes were addressed to. */
	public List<PersonRole> getTargetRoles() {
		return this.outcomes.stream().map(Outcome::getTargetRole).filter(r -> r != null).distinct().toList();
	}

	/** "R-ENT-02 顶格处罚建议、停产整治、列入企业黑名单". */
	public String getSummary() {
		Map<String, List<String>> byRule = new LinkedHashMap<>();
		this.outcomes.forEach(o -> byRule.computeIfAbsent(o.getRuleId(), k -> new ArrayList<>()).add(o.getMeasureLabel()));
		return byRule.entrySet()
			.stream()
			.map(e -> e.getKey() + " " + e.getValue().stream().distinct().collect(Collectors.joining("、")))
			.collect(Collectors.joining("；"));
	}

	@Override
	public List<Outcome> getEvidenceFacts() {
		return this.outcomes;
	}

}
