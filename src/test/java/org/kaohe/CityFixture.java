package org.kaohe;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.kaohe.facts.Period;

/**
 * A small city over four quarters (2025-Q4 … 2026-Q3) whose 2026-Q3 outcomes need the earlier
 * quarters: six counties in one ranking group with monthly and weekly PM2.5.
 *
 * <ul>
 * <li>河西区 (C02) is in the weekly bottom three in 2026-W26 (the last week of Q2) and 2026-W27 (the
 * first of Q3): two consecutive weeks across the quarter boundary (R-CTY-02 通报批评).</li>
 * <li>城南区 (C03) is in the monthly bottom three in 2025-12, 2026-02 and 2026-08: in calendar 2026
 * that is its second time, so Q3 gives a public interview of the government head (R-CTY-03); 2025-12
 * belongs to another year and must not count.</li>
 * <li>市住建局 (D-ZJ) lags severely on the boiler task in Q2 and still in Q3: in Q3 that is 一拖再拖
 * (R-DEPT-02 挂牌督办) only when Q2's run is there to say it was handled before.</li>
 * </ul>
 * Every quarter also has a site inspection, a ledger task and an inspection issue, so spreadsheet
 * uploads carry every column type (dates, date-times, booleans, checklist items, enums).
 */
public final class CityFixture {

	public static final List<String> QUARTERS = List.of("2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3");

	public static final List<String> CHECKLIST = List.of("FENCING", "MATERIAL_COVER", "VEHICLE_WASH", "GROUND_HARDEN",
			"WET_OPERATION", "SEALED_TRANSPORT", "MONITORING");

	private static final String[][] COUNTIES = { { "C01", "河东区" }, { "C02", "河西区" }, { "C03", "城南区" }, { "C04", "城北区" },
			{ "C05", "高新区" }, { "C06", "经开区" } };

	/** Months in which 城南区 is in the bottom three. */
	private static final List<String> C03_BOTTOM = List.of("2025-12", "2026-02", "2026-08");

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private CityFixture() {
	}

	/** The fact document of one of the four quarters. */
	public static ObjectNode quarter(String quarter) {
		Period q = Period.parse(quarter);
		ObjectNode doc = NODES.objectNode();
		doc.put("schemaVersion", 1);
		doc.put("period", quarter);
		doc.put("submittedBy", "市攻坚办");
		ArrayNode subjects = doc.putArray("subjects");
		for (String[] c : COUNTIES) {
			subjects.addObject().put("id", c[0]).put("type", "COUNTY").put("name", c[1]).put("group", "城区组");
		}
		subjects.addObject().put("id", "D-ZJ").put("type", "DEPARTMENT").put("name", "市住建局").put("sector", "CONSTRUCTION");
		subjects.addObject()
			.put("id", "E0001")
			.put("type", "ENTERPRISE")
			.put("name", "某建筑工程有限公司")
			.put("parentId", "C01")
			.put("industry", "CONSTRUCTION")
			.put("regulatorId", "D-ZJ");
		subjects.addObject()
			.put("id", "S0001")
			.put("type", "SITE")
			.put("name", "地铁3号线某站")
			.put("parentId", "C01")
			.put("regulatorId", "D-ZJ")
			.put("builderId", "E0001")
			.put("projectType", "METRO")
			.put("status", "WORKING")
			.put("distanceToStationM", 650)
			.put("startAcceptancePassed", true);
		subjects.addObject().put("id", "P001").put("type", "PERSON").put("name", "张某").put("parentId", "C03").put("role", "GOV_HEAD");

		ArrayNode measurements = doc.putArray("measurements");
		int firstMonth = q.start().getMonthValue();
		for (int m = firstMonth; m < firstMonth + 3; m++) {
			String month = String.format("%d-%02d", q.getYear(), m);
			boolean c03Bottom = C03_BOTTOM.contains(month);
			monthly(measurements, month, "C01", 30.0);
			monthly(measurements, month, "C02", 35.0);
			monthly(measurements, month, "C03", c03Bottom ? 60.0 : 31.0);
			monthly(measurements, month, "C04", 40.0);
			monthly(measurements, month, "C05", 50.0);
			monthly(measurements, month, "C06", 55.0);
		}
		String week = switch (quarter) {
			case "2026-Q2" -> "2026-W26";
			case "2026-Q3" -> "2026-W27";
			default -> null;
		};
		if (week != null) {
			double[] values = { 30, 70, 31, 40, 50, 55 };
			for (int i = 0; i < COUNTIES.length; i++) {
				measurements.addObject()
					.put("subjectId", COUNTIES[i][0])
					.put("period", week)
					.put("indicator", "PM25")
					.put("value", values[i]);
			}
		}

		String day = q.start().plusDays(20).toString();
		ObjectNode inspection = doc.putArray("inspections").addObject();
		inspection.put("id", "IN-" + quarter).put("siteId", "S0001").put("at", day + "T10:30:00").put("by", "市攻坚办督查");
		ObjectNode items = inspection.putObject("items");
		CHECKLIST.forEach(i -> items.put(i, true));
		inspection.put("earthworkObserved", false).put("alertLevel", "NONE").put("oneChiefThreeOfficers", true);

		ArrayNode tasks = doc.putArray("tasks");
		tasks.addObject()
			.put("id", "T-" + quarter)
			.put("ownerId", "D-ZJ")
			.put("title", "建筑工地扬尘治理专项检查")
			.put("due", q.start().plusDays(40).toString())
			.put("planned", 10)
			.put("done", 10)
			.put("unit", "次")
			.put("completedOn", q.start().plusDays(35).toString())
			.put("adjusted", false);
		if (quarter.equals("2026-Q2") || quarter.equals("2026-Q3")) {
			// due in June, still 3 of 15 in September: severe lag twice, 一拖再拖 once Q2's run is history
			tasks.addObject()
				.put("id", "T-BOILER")
				.put("ownerId", "D-ZJ")
				.put("title", "城区燃煤锅炉拆改")
				.put("due", "2026-06-15")
				.put("planned", 15)
				.put("done", 3)
				.put("unit", "台");
		}
		doc.putArray("issues")
			.addObject()
			.put("id", "I-" + quarter)
			.put("ownerId", "C01")
			.put("objectId", "S0001")
			.put("category", "DUST")
			.put("source", "CITY_OFFICE")
			.put("foundOn", day)
			.put("deadline", q.start().plusDays(27).toString())
			.put("rectifiedOn", q.start().plusDays(25).toString());
		return doc;
	}

	/** 2026-Q3 corrected: 城南区's August value was mistyped; it was not in the bottom three. */
	public static ObjectNode correctedThirdQuarter() {
		ObjectNode doc = quarter("2026-Q3");
		for (var m : doc.get("measurements")) {
			if (m.get("subjectId").asText().equals("C03") && m.get("period").asText().equals("2026-08")) {
				((ObjectNode) m).put("value", 31.0);
			}
		}
		return doc;
	}

	private static void monthly(ArrayNode measurements, String month, String county, double value) {
		measurements.addObject().put("subjectId", county).put("period", month).put("indicator", "PM25").put("value", value);
	}

}
