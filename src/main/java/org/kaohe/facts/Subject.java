package org.kaohe.facts;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * An assessed subject: a county-level unit, city department, enterprise, construction site or
 * responsible person (table {@code subjects}).
 *
 * <p>{@code parentId} places enterprises, sites and persons in their territory (a county) or, for a
 * department's officials, under their department. {@code group} is the ranking group (城区组, 县组).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type",
		visible = true)
@JsonSubTypes({ @JsonSubTypes.Type(value = County.class, name = "COUNTY"),
		@JsonSubTypes.Type(value = Department.class, name = "DEPARTMENT"),
		@JsonSubTypes.Type(value = Enterprise.class, name = "ENTERPRISE"),
		@JsonSubTypes.Type(value = ConstructionSite.class, name = "SITE"),
		@JsonSubTypes.Type(value = Person.class, name = "PERSON") })
public abstract class Subject extends Fact {

	private String id;

	private String name;

	private String parentId;

	private String group;

	private SubjectRef parent;

	public String getId() {
		return this.id;
	}

	public void setId(String id) {
		this.id = id;
	}

	public abstract SubjectType getType();

	/** Jackson passes the discriminator back in; the subclass already knows its type. */
	public void setType(SubjectType type) {
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getParentId() {
		return this.parentId;
	}

	public void setParentId(String parentId) {
		this.parentId = parentId;
	}

	/** Ranking group (城区组, 县组, …); subjects without one rank together. */
	public String getGroup() {
		return this.group;
	}

	public void setGroup(String group) {
		this.group = group;
	}

	/** The parent subject (territory or department), resolved by the engine; may be null. */
	@JsonIgnore
	public SubjectRef getParent() {
		return this.parent;
	}

	public void setParent(SubjectRef parent) {
		this.parent = parent;
	}

	/** Name of the parent, or an empty string, for reasons. */
	@JsonIgnore
	public String getParentName() {
		return (this.parent != null) ? this.parent.getName() : "";
	}

	/**
	 * The department regulating the subject (enterprises and sites), or null; lets rules that see only a
	 * {@code Subject} reach the regulator (一案四查).
	 */
	@JsonIgnore
	public SubjectRef getRegulator() {
		return null;
	}

	/** This subject as the target of an outcome. */
	public SubjectRef ref() {
		return new SubjectRef(this.id, getType(), this.name);
	}

	@Override
	public String getTable() {
		return "subjects";
	}

	@Override
	public Map<String, Object> evidence() {
		Evidence e = new Evidence(getTable()).put("id", this.id).put("type", getType()).put("name", this.name);
		e.put("parentId", this.parentId).put("group", this.group);
		addEvidence(e);
		return e.toMap();
	}

	/** Type-specific fields for the evidence map. */
	void addEvidence(Evidence evidence) {
	}

	@Override
	public String toString() {
		return getType() + " " + this.name + "(" + this.id + ")";
	}

}
