package org.kaohe.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.kaohe.testing.RuleHarness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Whole-document validation: every problem of a bad document, located, in Chinese and English. */
class FactDocumentValidatorTests {

	private static final FactDocumentReader READER = new FactDocumentReader(RuleHarness.ruleset()::validationContext);

	private static List<FactProblem> problems(String json) {
		InvalidFactsException ex = catchThrowableOfType(InvalidFactsException.class,
				() -> READER.read(json.getBytes(StandardCharsets.UTF_8)));
		assertThat(ex).as("the document should be refused").isNotNull();
		return ex.getProblems();
	}

	@Test
	void aDocumentWithManyMistakesGetsEveryOneReported() {
		List<FactProblem> problems = problems("""
				{
				  "schemaVersion": 1, "period": "2026-Q3", "colour": "red",
				  "subjects": [
				    {"id": "C01", "type": "COUNTY", "name": "河东区", "group": "城区组", "mayor": "x"},
				    {"id": "C01", "type": "COUNTY", "name": "重复"},
				    {"id": "S0001", "type": "SITE", "name": "工地", "parentId": "C99", "industry": "COKING"}
				  ],
				  "measurements": [
				    {"subjectId": "C01", "period": "2026-7", "indicator": "PM25", "value": 44},
				    {"subjectId": "C01", "period": "2026-08", "indicator": "PM25", "value": -3},
				    {"subjectId": "C01", "period": "2026-04", "indicator": "PM25", "value": 40},
				    {"subjectId": "C01", "period": "2026-09", "indicator": "SO3", "value": 1}
				  ],
				  "inspections": [
				    {"id": "IN-1", "siteId": "S0001", "at": "2026-08-11T23:40:00",
				     "items": {"FENCING": true, "MATERIAL_COVER": false}}
				  ],
				  "tasks": [
				    {"id": "T-017", "ownerId": "D-GX", "title": "锅炉改造", "due": "2026-08-31", "planned": 15, "done": 16},
				    {"id": "T-018", "ownerId": "C01", "title": "x", "due": "3026-08-31", "planned": "15", "done": 1}
				  ],
				  "issues": [
				    {"id": "I-1", "ownerId": "C01", "category": "DUST", "source": "NEWSPAPER", "foundOn": "2026-07-20",
				     "deadline": "2026-07-10"}
				  ]
				}
				""");

		assertThat(problems).extracting(FactProblem::code).contains("UNKNOWN_FIELD", "DUPLICATE_ID", "UNKNOWN_SUBJECT",
				"FIELD_NOT_APPLICABLE", "MALFORMED_PERIOD", "NEGATIVE_VALUE", "PERIOD_OUTSIDE_DOCUMENT", "UNKNOWN_INDICATOR",
				"MISSING_CHECKLIST_ITEM", "DONE_EXCEEDS_PLANNED", "DATE_OUT_OF_RANGE", "WRONG_TYPE", "UNKNOWN_VALUE",
				"DATES_OUT_OF_ORDER");
		assertThat(problems).hasSizeGreaterThanOrEqualTo(15);
		assertThat(problems).allSatisfy(p -> {
			assertThat(p.message()).isNotBlank();
			assertThat(p.messageEn()).isNotBlank();
			assertThat(p.path()).startsWith("$");
		});
		assertThat(problems).filteredOn(p -> p.code().equals("DONE_EXCEEDS_PLANNED")).singleElement().satisfies(p -> {
			assertThat(p.table()).isEqualTo("tasks");
			assertThat(p.row()).isEqualTo(1);
			assertThat(p.field()).isEqualTo("done");
			assertThat(p.path()).isEqualTo("$.tasks[0].done");
			assertThat(p.message()).isEqualTo("完成量 16 大于计划量 15");
		});
		assertThat(problems).filteredOn(p -> p.code().equals("MISSING_CHECKLIST_ITEM")).singleElement()
			.satisfies(p -> assertThat(p.message()).contains("VEHICLE_WASH").contains("MONITORING"));
		assertThat(problems).filteredOn(p -> p.code().equals("UNKNOWN_SUBJECT")).extracting(FactProblem::path)
			.contains("$.subjects[2].parentId", "$.tasks[0].ownerId");
	}

	@Test
	void malformedJsonIsLocatedByLineAndColumn() {
		List<FactProblem> problems = problems("{\n  \"schemaVersion\": 1,\n  \"period\": \"2026-Q3\" \"subjects\": []\n}");

		assertThat(problems).singleElement().satisfies(p -> {
			assertThat(p.code()).isEqualTo("MALFORMED_JSON");
			assertThat(p.row()).isEqualTo(3);
		});
	}

	@Test
	void duplicateKeysAreRefused() {
		assertThat(problems("{\"schemaVersion\": 1, \"period\": \"2026-Q3\", \"period\": \"2026-Q4\"}"))
			.extracting(FactProblem::code).containsExactly("MALFORMED_JSON");
	}

	@Test
	void idsNamesAndTheSubmitterLongerThanTheirColumnsAreProblemsNotFailedInserts() {
		String id = "C".repeat(201);
		List<FactProblem> found = problems("{\"schemaVersion\": 1, \"period\": \"2026-Q3\", \"submittedBy\": \"" + "办".repeat(201)
				+ "\", \"subjects\": [{\"id\": \"" + id + "\", \"type\": \"COUNTY\", \"name\": \"" + "区".repeat(501)
				+ "\", \"group\": \"城区组\"}]}");

		assertThat(found).extracting(FactProblem::code, FactProblem::field)
			.contains(org.assertj.core.groups.Tuple.tuple("TOO_LONG", "submittedBy"), org.assertj.core.groups.Tuple.tuple("TOO_LONG", "id"),
					org.assertj.core.groups.Tuple.tuple("TOO_LONG", "name"));
	}

	@Test
	void missingHeaderFieldsAndWrongSchemaVersion() {
		assertThat(problems("{\"schemaVersion\": 2}")).extracting(FactProblem::code)
			.containsExactlyInAnyOrder("UNSUPPORTED_SCHEMA_VERSION", "MISSING_FIELD");
	}

	@Test
	void eventsAfterThePeriodAreRefusedAndRankBeyondOfIsRefused() {
		List<FactProblem> problems = problems("""
				{"schemaVersion": 1, "period": "2026-Q3",
				 "subjects": [{"id": "C01", "type": "COUNTY", "name": "河东区"}, {"id": "E1", "type": "ENTERPRISE", "name": "企业", "parentId": "C01"}],
				 "violations": [{"id": "V-1", "subjectId": "E1", "on": "2026-10-02", "type": "OVER_STANDARD"}],
				 "rankings": [{"subjectId": "C01", "period": "2026-07", "indicator": "PM25", "rank": 16, "of": 15}]}
				""");

		assertThat(problems).extracting(FactProblem::code).containsExactlyInAnyOrder("DATE_AFTER_PERIOD", "RANK_EXCEEDS_OF");
	}

	@Test
	void theSpecExampleDocumentIsValid() {
		String spec = """
				{"schemaVersion": 1, "period": "2026-Q3", "submittedBy": "市攻坚办",
				 "subjects": [
				   {"id": "C01", "type": "COUNTY", "name": "河东区", "group": "城区组"},
				   {"id": "D-ZJ", "type": "DEPARTMENT", "name": "市住建局", "sector": "CONSTRUCTION"},
				   {"id": "D-HB", "type": "DEPARTMENT", "name": "市生态环境局", "sector": "ECOLOGY"},
				   {"id": "D-GX", "type": "DEPARTMENT", "name": "市工信局", "sector": "INDUSTRY"},
				   {"id": "E0001", "type": "ENTERPRISE", "name": "某焦化有限公司", "parentId": "C01", "industry": "COKING",
				    "performanceClass": "C", "onEmergencyList": true, "regulatorId": "D-HB"},
				   {"id": "E0002", "type": "ENTERPRISE", "name": "某建工集团", "parentId": "C01", "industry": "CONSTRUCTION"},
				   {"id": "S0001", "type": "SITE", "name": "地铁3号线某站", "parentId": "C01", "regulatorId": "D-ZJ",
				    "builderId": "E0002", "projectType": "METRO", "status": "WORKING", "distanceToStationM": 650,
				    "startAcceptancePassed": true},
				   {"id": "P001", "type": "PERSON", "name": "张某", "parentId": "C01", "role": "GOV_HEAD"}],
				 "measurements": [{"subjectId": "C01", "period": "2026-07", "indicator": "PM25", "value": 44.0, "target": 45.0, "yoyChangePct": 3.1}],
				 "rankings": [{"subjectId": "C01", "period": "2026-07", "indicator": "PM25", "rank": 14, "of": 15}],
				 "inspections": [{"id": "IN-0001", "siteId": "S0001", "at": "2026-08-11T23:40:00", "by": "市攻坚办夜查",
				   "items": {"FENCING": true, "MATERIAL_COVER": false, "VEHICLE_WASH": true, "GROUND_HARDEN": true,
				             "WET_OPERATION": false, "SEALED_TRANSPORT": true, "MONITORING": true},
				   "earthworkObserved": true, "nightPermit": false, "alertLevel": "NONE", "oneChiefThreeOfficers": true,
				   "trucksUnsealed": 0, "trucksWithoutGps": 0, "exposed": false}],
				 "tasks": [{"id": "T-017", "ownerId": "D-GX", "title": "65蒸吨以上燃煤锅炉超低排放改造", "due": "2026-08-31",
				   "planned": 15, "done": 3, "unit": "台", "completedOn": null, "adjusted": false}],
				 "issues": [{"id": "I-0456", "ownerId": "C01", "objectId": "S0001", "category": "DUST", "source": "PROVINCIAL_INSPECTION",
				   "foundOn": "2026-07-20", "deadline": "2026-07-27", "rectifiedOn": null, "closedOn": null, "relapseOf": null}],
				 "violations": [{"id": "V-0009", "subjectId": "E0001", "on": "2026-08-03", "type": "OVER_STANDARD",
				   "foundBy": "市攻坚办暗访", "refusedToCorrect": false}],
				 "exposures": [{"subjectId": "C01", "on": "2026-09-02", "source": "PROVINCIAL_NOTICE"}],
				 "supervision": [{"departmentId": "D-ZJ", "selfFoundProblems": 35, "higherFoundProblems": 11, "selfReportedAllCompliant": true}],
				 "interviews": [{"subjectId": "P001", "on": "2026-05-10", "type": "PUBLIC_INTERVIEW", "improvedAfter": false}]}
				""";

		var doc = READER.read(spec.getBytes(StandardCharsets.UTF_8));

		assertThat(doc.rowCount()).isEqualTo(17);
		assertThat(doc.getInspections().get(0).getItems()).containsEntry("MATERIAL_COVER", false);
	}

}
