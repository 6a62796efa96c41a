package org.kaohe.history;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.kaohe.ingest.FactJson;

import static org.assertj.core.api.Assertions.assertThat;

/** Which county-level unit each subject belongs to, through its {@code parentId} chain. */
class SubjectDirectoryTests {

	private static JsonNode row(String id, String type, String parentId) {
		var row = FactJson.mapper().createObjectNode().put("id", id).put("type", type).put("name", id + "名");
		if (parentId != null) {
			row.put("parentId", parentId);
		}
		return row;
	}

	@Test
	void enterprisesSitesAndOfficialsBelongToTheirCountyDepartmentsToNone() {
		SubjectDirectory d = SubjectDirectory.of(List.of(row("C01", "COUNTY", null), row("C02", "COUNTY", null),
				row("D-ZJ", "DEPARTMENT", null), row("E1", "ENTERPRISE", "C01"), row("S1", "SITE", "C01"),
				row("P1", "PERSON", "C02"), row("P2", "PERSON", "D-ZJ"), row("E9", "ENTERPRISE", "C99")));

		assertThat(d.countyOf("C01")).isEqualTo("C01");
		assertThat(d.countyOf("E1")).isEqualTo("C01");
		assertThat(d.countyOf("S1")).isEqualTo("C01");
		assertThat(d.countyOf("P1")).isEqualTo("C02");
		assertThat(d.countyOf("D-ZJ")).isNull();
		assertThat(d.countyOf("P2")).as("an official of a department").isNull();
		assertThat(d.countyOf("E9")).as("a parent not in the upload").isNull();
		assertThat(d.countyOf("nobody")).isNull();
		assertThat(d.inCounty("C01")).containsExactlyInAnyOrder("C01", "E1", "S1");
		assertThat(d.inCounty("D-ZJ")).as("not a county").isEmpty();
		assertThat(d.counties()).extracting(c -> c.get("id").asText()).containsExactly("C01", "C02");
		assertThat(d.name("E1")).isEqualTo("E1名");
	}

	@Test
	void aParentCycleEndsInNoCounty() {
		SubjectDirectory d = SubjectDirectory.of(List.of(row("E1", "ENTERPRISE", "E2"), row("E2", "ENTERPRISE", "E1")));

		assertThat(d.countyOf("E1")).isNull();
	}

}
