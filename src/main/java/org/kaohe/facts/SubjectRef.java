package org.kaohe.facts;

import java.util.Objects;

/**
 * Who an outcome lands on: id, type and name. Facts expose related subjects as refs (a site's
 * builder, an enterprise's regulator) so rules can address them without joining across territories.
 */
public final class SubjectRef {

	private final String id;

	private final SubjectType type;

	private final String name;

	public SubjectRef(String id, SubjectType type, String name) {
		this.id = id;
		this.type = type;
		this.name = name;
	}

	public String getId() {
		return this.id;
	}

	public SubjectType getType() {
		return this.type;
	}

	public String getName() {
		return this.name;
	}

	@Override
	public boolean equals(Object o) {
		return (o instanceof SubjectRef r) && Objects.equals(r.id, this.id) && r.type == this.type;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.id, this.type);
	}

	@Override
	public String toString() {
		return this.name + "(" + this.id + ")";
	}

}
