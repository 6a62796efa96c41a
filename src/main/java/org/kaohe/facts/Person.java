package org.kaohe.facts;

/** A responsible person (责任人): a leader of a county or a department. */
public class Person extends Subject {

	private PersonRole role;

	@Override
	public SubjectType getType() {
		return SubjectType.PERSON;
	}

	public PersonRole getRole() {
		return this.role;
	}

	public void setRole(PersonRole role) {
		this.role = role;
	}

	/**
	 * The officials answerable for a case among a unit's persons: the responsible deputies (分管负责人),
	 * or the government head when no deputy is recorded.
	 */
	public static java.util.List<Person> inCharge(java.util.Collection<?> persons) {
		java.util.List<Person> all = persons.stream().map(p -> (Person) p).sorted(java.util.Comparator.comparing(Person::getId)).toList();
		java.util.List<Person> deputies = all.stream().filter(p -> p.role == PersonRole.DEPUTY).toList();
		return deputies.isEmpty() ? all.stream().filter(p -> p.role == PersonRole.GOV_HEAD).toList() : deputies;
	}

	@Override
	void addEvidence(Evidence e) {
		e.put("role", this.role);
	}

}
