package org.kaohe.rules;

/**
 * The kinds of value a parameter can hold; the parameter file declares one per parameter and every
 * version's value is checked against it.
 */
public enum ParameterType {

	/** Whole number; optional {@code min}/{@code max}. */
	INTEGER,

	/** Decimal number; optional {@code min}/{@code max}. */
	NUMBER,

	BOOLEAN,

	STRING,

	/** One of the declared {@code values}. */
	ENUM,

	/** A list of strings. */
	LIST,

	/**
	 * Bands over a whole-number count ({@code from}, optional {@code to}; open-ended when missing)
	 * with the declared {@code fields}; bands must not leave gaps or overlap.
	 */
	LADDER,

	/**
	 * Piecewise rates over a quantity: {@code upTo} (ascending, the last one open) and {@code rate};
	 * applying it to 7 with tiers (5 → 10, open → 20) gives 5×10 + 2×20.
	 */
	TIERS,

	/** Indicator definitions: code → {@code label}, {@code unit}, {@code better} (LOWER or HIGHER). */
	INDICATORS,

	/** Name of a profile in {@code checklists.yaml}. */
	CHECKLIST_PROFILE

}
