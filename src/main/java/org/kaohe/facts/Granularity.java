package org.kaohe.facts;

/** Granularity of a {@link Period}, coarsest first. */
public enum Granularity {

	YEAR, QUARTER, MONTH, WEEK

}
