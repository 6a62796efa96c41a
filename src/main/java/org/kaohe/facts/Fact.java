package org.kaohe.facts;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A row of a fact table as rule files see it.
 *
 * <p>The engine inserts the evaluated period's rows with {@code current == true} and rows from
 * earlier periods (history) with {@code current == false}, so a rule says which it wants:
 * {@code Inspection( current, failedItemCount > 0 )}. The engine works on copies ({@link #copy()}),
 * so one document can serve as history for several evaluations at once.
 */
public abstract class Fact implements Cloneable, Evidential {

	private boolean current;

	private Period documentPeriod;

	private String territoryId;

	/** Whether the row belongs to the period being evaluated (not to its history). */
	@JsonIgnore
	public boolean isCurrent() {
		return this.current;
	}

	public void setCurrent(boolean current) {
		this.current = current;
	}

	/** The period of the fact document this row was submitted in. */
	@JsonIgnore
	public Period getDocumentPeriod() {
		return this.documentPeriod;
	}

	public void setDocumentPeriod(Period documentPeriod) {
		this.documentPeriod = documentPeriod;
	}

	/**
	 * The territory the row is evaluated with (a county, or a department), set by the engine; rules
	 * group by it ({@code Inspection( territoryId == $county.id )}).
	 */
	@JsonIgnore
	public String getTerritoryId() {
		return this.territoryId;
	}

	public void setTerritoryId(String territoryId) {
		this.territoryId = territoryId;
	}

	/** Name of the fact table the row belongs to, as in the fact document. */
	@JsonIgnore
	public abstract String getTable();

	/**
	 * The row as evidence: the table name and the fields a reader needs to find and check it,
	 * including derived values the rule compared (such as days overdue).
	 */
	@Override
	public abstract Map<String, Object> evidence();

	/** A shallow copy; field values are immutable or never mutated after parsing. */
	@SuppressWarnings("unchecked")
	public <T extends Fact> T copy() {
		try {
			return (T) super.clone();
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
