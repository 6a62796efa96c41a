package org.kaohe.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.kaohe.facts.Period;
import org.kaohe.ingest.FactSchema;
import org.kaohe.ingest.FactTable;
import org.kaohe.ingest.FactTemplates;
import org.kaohe.rules.ChecklistProfile;
import org.kaohe.ruleset.ActiveRuleset;
import org.kaohe.system.NotFoundException;

/**
 * The upload templates: {@code GET /api/v1/templates} (which there are), {@code GET /api/v1/templates.xlsx}
 * (the workbook) and {@code GET /api/v1/templates/{table}.csv}. {@code ?period=} picks the site checklist in force for that
 * period (the inspection columns); without it, the latest.
 */
@Tag(name = "上报模板 Templates")
@RestController
@RequestMapping("/api/v1")
class TemplateController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final ActiveRuleset rules;

	TemplateController(ActiveRuleset rules) {
		this.rules = rules;
	}

	/**
	 * Which templates there are: the workbook and one CSV file per table, with the Chinese names of the
	 * tables and their columns ({@code ?period=}: the checklist in force then).
	 */
	@Operation(summary = "有哪些模板：各表的中文名和列 / Which templates there are")
	@GetMapping(path = "/templates", produces = MediaType.APPLICATION_JSON_VALUE)
	Catalogue templates(@RequestParam(required = false) String period) {
		ChecklistProfile checklist = checklist(period);
		return new Catalogue("/api/v1/templates.xlsx", FactSchema.tables()
			.stream()
			.map(t -> new TableTemplate(t.name(), t.label(), "/api/v1/templates/" + t.name() + ".csv",
					FactTemplates.columns(t, checklist)))
			.toList());
	}

	/**
	 * @param workbook the path of the workbook (one sheet per table)
	 * @param tables the tables in schema order
	 */
	record Catalogue(String workbook, List<TableTemplate> tables) {
	}

	/**
	 * @param table the table name (JSON array, CSV file, sheet)
	 * @param label its Chinese name (also accepted as the sheet or file name)
	 * @param csv the path of its CSV template
	 * @param columns its columns in template order
	 */
	record TableTemplate(String table, String label, String csv, List<FactTemplates.TemplateColumn> columns) {
	}

	@Operation(summary = "XLSX 上报模板（每表一个工作表）/ The XLSX upload template")
	@ApiResponse(responseCode = "200", description = "模板 / the workbook", content = @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = "string", format = "binary")))
	@GetMapping("/templates.xlsx")
	ResponseEntity<byte[]> workbook(@RequestParam(required = false) String period) {
		return file(FactTemplates.workbook(checklist(period)), XLSX, "kaohe-template.xlsx");
	}

	@Operation(summary = "一张表的 CSV 上报模板 / The CSV template of one table")
	@ApiResponse(responseCode = "200", description = "模板 / the CSV file", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
	@GetMapping("/templates/{table}.csv")
	ResponseEntity<byte[]> csv(@PathVariable String table, @RequestParam(required = false) String period) {
		FactTable t = FactSchema.table(table)
			.orElseThrow(() -> new NotFoundException("没有表 " + table + " / there is no table " + table));
		return file(FactTemplates.csv(t, checklist(period)), new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
				t.name() + ".csv");
	}

	private ChecklistProfile checklist(String period) {
		Period p = RequestParameters.period("period", period);
		return this.rules.forPeriod(p).validationContext(p).checklist();
	}

	private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(body);
	}

}
