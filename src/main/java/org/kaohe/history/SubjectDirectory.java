package org.kaohe.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.kaohe.facts.SubjectType;

/**
 * The subjects of one stored upload and the county-level unit each belongs to: a county itself, or the
 * county its {@code parentId} chain leads to (an enterprise, a site, a person of a county government).
 * A department, and a person of a department, belong to no county.
 *
 * <p>Which county a unit belongs to is read from the upload a run evaluated, so filtering a run's
 * outcomes by county shows the units as they were filed then, even if a later upload moved one.
 */
public final class SubjectDirectory {

	/** Parent chains are validated on upload; a limit still keeps a bad row from looping forever. */
	private static final int MAX_DEPTH = 16;

	private final Map<String, JsonNode> byId;

	private final Map<String, String> countyOf = new LinkedHashMap<>();

	private SubjectDirectory(Map<String, JsonNode> byId) {
		this.byId = byId;
		for (String id : byId.keySet()) {
			String county = findCounty(id);
			if (county != null) {
				this.countyOf.put(id, county);
			}
		}
	}

	/** A directory of the given {@code subjects} rows, in upload order. */
	public static SubjectDirectory of(List<JsonNode> rows) {
		Map<String, JsonNode> byId = new LinkedHashMap<>();
		for (JsonNode row : rows) {
			byId.put(row.path("id").asText(), row);
		}
		return new SubjectDirectory(byId);
	}

	private String findCounty(String id) {
		String current = id;
		for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
			JsonNode row = this.byId.get(current);
			if (row == null) {
				return null;
			}
			if (SubjectType.COUNTY.name().equals(row.path("type").asText())) {
				return current;
			}
			current = row.hasNonNull("parentId") ? row.get("parentId").asText() : null;
		}
		return null;
	}

	/** Every subject row, in upload order. */
	public List<JsonNode> all() {
		return List.copyOf(this.byId.values());
	}

	/** The subject's name, or null when it is not in the upload. */
	public String name(String id) {
		JsonNode row = this.byId.get(id);
		return (row != null && row.hasNonNull("name")) ? row.get("name").asText() : null;
	}

	/** The county-level unit a subject belongs to (itself for a county), or null. */
	public String countyOf(String id) {
		return this.countyOf.get(id);
	}

	/** The county-level units, in upload order. */
	public List<JsonNode> counties() {
		List<JsonNode> counties = new ArrayList<>();
		for (JsonNode row : this.byId.values()) {
			if (SubjectType.COUNTY.name().equals(row.path("type").asText())) {
				counties.add(row);
			}
		}
		return counties;
	}

	/** A county and every subject that belongs to it; empty when {@code countyId} is not a county here. */
	public Set<String> inCounty(String countyId) {
		Set<String> members = new HashSet<>();
		this.countyOf.forEach((subject, county) -> {
			if (county.equals(countyId)) {
				members.add(subject);
			}
		});
		return Collections.unmodifiableSet(members);
	}

}
