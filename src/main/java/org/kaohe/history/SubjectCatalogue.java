package org.kaohe.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Service;

import org.kaohe.facts.Period;
import org.kaohe.facts.SubjectType;
import org.kaohe.system.Page;
import org.kaohe.system.Paging;

/**
 * {@code GET /api/v1/subjects}: the assessed units of a stored period (its latest revision), found by
 * type, county or a part of their ID or name, so a person can pick a unit without knowing its ID.
 */
@Service
public class SubjectCatalogue {

	private final StoredPeriods periods;

	SubjectCatalogue(StoredPeriods periods) {
		this.periods = periods;
	}

	/**
	 * Units of a stored period.
	 *
	 * @param period a stored period (or a period inside one), null for the latest stored period
	 * @param type only units of this type, or null
	 * @param county only this county-level unit and the units that belong to it, or null
	 * @param text only units whose ID or name contains this (ignoring case), or null
	 * @throws org.kaohe.system.NotFoundException when no stored period matches
	 */
	public Listing list(Period period, SubjectType type, String county, String text, Paging paging) {
		FactBatch batch = (period != null) ? this.periods.latestCovering(period) : this.periods.latestPeriod();
		SubjectDirectory directory = this.periods.subjects(batch.batchId());
		String needle = (text != null) ? text.toLowerCase(Locale.ROOT) : null;
		List<Entry> entries = new ArrayList<>();
		for (JsonNode row : directory.all()) {
			String id = row.path("id").asText();
			SubjectType t = SubjectType.valueOf(row.path("type").asText());
			String name = row.path("name").asText(null);
			String countyId = directory.countyOf(id);
			if ((type != null && t != type) || (county != null && !county.equals(countyId))) {
				continue;
			}
			if (needle != null && !id.toLowerCase(Locale.ROOT).contains(needle)
					&& (name == null || !name.toLowerCase(Locale.ROOT).contains(needle))) {
				continue;
			}
			entries.add(new Entry(id, t, name, row.path("group").asText(null), row.path("parentId").asText(null), countyId,
					(countyId != null) ? directory.name(countyId) : null));
		}
		entries.sort(Comparator.comparing(Entry::type).thenComparing(Entry::id));
		Page<Entry> page = Page.slice(entries, paging);
		return new Listing(batch.period(), batch.batchId(), batch.revision(), page.content(), page.page(), page.size(),
				page.total());
	}

	/**
	 * A page of units with the upload they were read from.
	 *
	 * @param period the stored period
	 * @param batchId its latest revision's upload
	 * @param revision that revision
	 */
	@JsonPropertyOrder({ "period", "batchId", "revision", "content", "page", "size", "total" })
	public record Listing(Period period, String batchId, int revision, List<Entry> content, int page, int size, long total) {
	}

	/**
	 * A unit.
	 *
	 * @param id its ID
	 * @param type its type
	 * @param name its name
	 * @param group its ranking group, or null
	 * @param parentId the unit it belongs to, or null
	 * @param countyId the county-level unit it is in (itself for a county), or null
	 * @param countyName that county's name, or null
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	@io.swagger.v3.oas.annotations.media.Schema(name = "SubjectEntry")
	public record Entry(String id, SubjectType type, String name, String group, String parentId, String countyId,
			String countyName) {
	}

}
