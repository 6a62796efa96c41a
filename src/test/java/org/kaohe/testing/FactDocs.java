package org.kaohe.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.kaohe.ingest.FactJson;

/**
 * Builds fact documents for tests so a test reads as the business case:
 *
 * <pre>
 * FactDocs.period("2026-Q3").county("C01", "河东区").site("S0001", "C01").inspection("S0001", "2026-08-11T23:40:00", "FENCING")
 * </pre>
 *
 * Documents are plain JSON trees and go through the real validator before evaluation.
 */
public final class FactDocs {

	/** The default checklist profile's items (HENAN_6_PLUS_1). */
	public static final List<String> ITEMS = List.of("FENCING", "MATERIAL_COVER", "VEHICLE_WASH", "GROUND_HARDEN",
			"WET_OPERATION", "SEALED_TRANSPORT", "MONITORING");

	private final ObjectNode root = FactJson.mapper().createObjectNode();

	private int inspectionCount;

	private FactDocs(String period) {
		this.root.put("schemaVersion", 1);
		this.root.put("period", period);
		this.root.put("submittedBy", "测试");
		this.root.putArray("subjects");
	}

	public static FactDocs period(String period) {
		return new FactDocs(period);
	}

	public String periodText() {
		return this.root.get("period").asText();
	}

	public JsonNode tree() {
		return this.root;
	}

	/** Adds a row to a table from alternating field names and values. */
	public FactDocs row(String table, Object... keyValues) {
		ArrayNode array = this.root.has(table) ? (ArrayNode) this.root.get(table) : this.root.putArray(table);
		array.add(FactJson.mapper().valueToTree(map(keyValues)));
		return this;
	}

	public FactDocs subject(Object... keyValues) {
		return row("subjects", keyValues);
	}

	public FactDocs county(String id, String name) {
		return county(id, name, "城区组");
	}

	public FactDocs county(String id, String name, String group, Object... more) {
		return subject(concat(new Object[] { "id", id, "type", "COUNTY", "name", name, "group", group }, more));
	}

	public FactDocs department(String id, String name, String sector) {
		return subject("id", id, "type", "DEPARTMENT", "name", name, "sector", sector);
	}

	public FactDocs enterprise(String id, String county, Object... more) {
		return subject(concat(new Object[] { "id", id, "type", "ENTERPRISE", "name", "企业" + id, "parentId", county,
				"industry", "COKING", "performanceClass", "C", "onEmergencyList", true }, more));
	}

	public FactDocs site(String id, String county, Object... more) {
		return subject(concat(new Object[] { "id", id, "type", "SITE", "name", "工地" + id, "parentId", county, "projectType",
				"HOUSING", "status", "WORKING", "distanceToStationM", 5000, "startAcceptancePassed", true }, more));
	}

	public FactDocs person(String id, String unit, String role) {
		return subject("id", id, "type", "PERSON", "name", "责任人" + id, "parentId", unit, "role", role);
	}

	/** An inspection of {@code site} at {@code at} failing the given checklist items. */
	public FactDocs inspection(String site, String at, String... failed) {
		return inspectionWith(site, at, List.of(failed));
	}

	/** An inspection with extra fields (earthworkObserved, alertLevel …). */
	public FactDocs inspectionWith(String site, String at, List<String> failed, Object... more) {
		Map<String, Boolean> items = new LinkedHashMap<>();
		ITEMS.forEach(i -> items.put(i, !failed.contains(i)));
		return row("inspections", concat(new Object[] { "id", "IN-" + (++this.inspectionCount) + "-" + at, "siteId", site,
				"at", at, "items", items }, more));
	}

	public FactDocs measurement(String subject, String period, String indicator, double value, Object... more) {
		return row("measurements", concat(new Object[] { "subjectId", subject, "period", period, "indicator", indicator,
				"value", value }, more));
	}

	public FactDocs officialRank(String subject, String period, String indicator, int rank, int of) {
		return row("rankings", "subjectId", subject, "period", period, "indicator", indicator, "rank", rank, "of", of);
	}

	public FactDocs task(String id, String owner, String due, double planned, double done, Object... more) {
		return row("tasks", concat(new Object[] { "id", id, "ownerId", owner, "title", "任务" + id, "due", due,
				"planned", planned, "done", done, "unit", "项" }, more));
	}

	public FactDocs issue(String id, String owner, String foundOn, String deadline, Object... more) {
		return row("issues", concat(new Object[] { "id", id, "ownerId", owner, "category", "DUST", "source", "CITY_OFFICE",
				"foundOn", foundOn, "deadline", deadline }, more));
	}

	public FactDocs violation(String id, String subject, String on, String type, Object... more) {
		return row("violations", concat(new Object[] { "id", id, "subjectId", subject, "on", on, "type", type }, more));
	}

	public FactDocs interview(String subject, String on, String type, Boolean improvedAfter) {
		return (improvedAfter != null) ? row("interviews", "subjectId", subject, "on", on, "type", type, "improvedAfter", improvedAfter)
				: row("interviews", "subjectId", subject, "on", on, "type", type);
	}

	private static Object[] concat(Object[] a, Object[] b) {
		Object[] r = new Object[a.length + b.length];
		System.arraycopy(a, 0, r, 0, a.length);
		System.arraycopy(b, 0, r, a.length, b.length);
		return r;
	}

	private static Map<String, Object> map(Object... keyValues) {
		if (keyValues.length % 2 != 0) {
			throw new IllegalArgumentException("key/value pairs expected");
		}
		Map<String, Object> m = new LinkedHashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			m.put((String) keyValues[i], keyValues[i + 1]);
		}
		return m;
	}

}
