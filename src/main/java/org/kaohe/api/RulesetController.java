package org.kaohe.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import org.kaohe.system.Refusals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import org.kaohe.evaluation.WhatIfSimulation;
import org.kaohe.facts.Period;
import org.kaohe.ruleset.Activation;
import org.kaohe.ruleset.CheckReport;
import org.kaohe.ruleset.FileDiff;
import org.kaohe.ruleset.RulesetActivations;
import org.kaohe.ruleset.RulesetCatalogue;
import org.kaohe.ruleset.RulesetUploads;
import org.kaohe.ruleset.StoredVersion;
import org.kaohe.ruleset.VersionStatus;
import org.kaohe.system.BadRequestException;
import org.kaohe.system.Page;
import org.kaohe.system.Paging;
import org.kaohe.system.ProblemException;
import org.kaohe.system.ProblemTypes;

/**
 * Ruleset versions (SPEC §8): upload a candidate ({@code POST /api/v1/rulesets}, JSON files or a zip),
 * read versions, their files, checks and diffs, simulate a candidate on stored periods, activate it
 * (now or for periods from a date), roll back, and read the activation log.
 */
@Tag(name = "规则集 Rulesets", description = "规则集版本：上传、检查、对比、预演、启用、回滚 / ruleset versions and their lifecycle")
@RestController
@RequestMapping("/api/v1/rulesets")
class RulesetController {

	private static final Set<String> UPLOAD_FIELDS = Set.of("comment", "files", "basedOn", "remove");

	private static final Set<String> ACTIVATE_FIELDS = Set.of("reason", "effectiveFrom", "force");

	private static final Set<String> SIMULATE_FIELDS = Set.of("periods", "against");

	private final RulesetUploads uploads;

	private final RulesetCatalogue catalogue;

	private final RulesetActivations activations;

	private final WhatIfSimulation simulation;

	RulesetController(RulesetUploads uploads, RulesetCatalogue catalogue, RulesetActivations activations,
			WhatIfSimulation simulation) {
		this.uploads = uploads;
		this.catalogue = catalogue;
		this.activations = activations;
		this.simulation = simulation;
	}

	/**
	 * A stored candidate (201 new, 200 stored before).
	 *
	 * @param version the version
	 * @param status what the checks concluded
	 * @param result {@code CREATED}, {@code ALREADY_STORED} or {@code EXPECTATIONS_UPDATED}
	 * @param parentVersion what it is diffed against
	 * @param checks every check's findings
	 * @param diff its files against the parent
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record UploadResponse(String version, VersionStatus status, String result, String parentVersion, CheckReport checks,
			List<FileDiff> diff) {
	}

	@Operation(summary = "规则集版本 / Ruleset versions")
	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	Page<RulesetCatalogue.Summary> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.catalogue.list(Paging.of(page, size));
	}

	@Operation(summary = "以 JSON 上传候选版本 / Upload a candidate version as JSON")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestBodies.RulesetUpload.class)))
	@ApiResponse(responseCode = "201", description = "已存储并通过检查 / stored and passed")
	@ApiResponse(responseCode = "200", description = "此前已存储 / stored before")
	@Refusals({ 409, 422 })
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<UploadResponse> upload(@RequestBody JsonNode body) {
		requireObject(body, UPLOAD_FIELDS, "{\"comment\": \"…\", \"files\": {\"parameters.yaml\": \"…\"}}");
		JsonNode files = body.get("files");
		if (files == null || !files.isObject() || files.isEmpty()) {
			throw new BadRequestException("files 须为对象 {\"路径\": \"文件内容\"}，且至少有一个文件 / files must be an object of path to content");
		}
		Map<String, String> texts = new LinkedHashMap<>();
		for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> f = it.next();
			if (!f.getValue().isTextual()) {
				throw new BadRequestException("files 中 " + f.getKey() + " 的内容须为文本 / the content of " + f.getKey() + " must be a string");
			}
			texts.put(f.getKey(), f.getValue().textValue());
		}
		List<String> remove = new ArrayList<>();
		if (body.hasNonNull("remove")) {
			if (!body.get("remove").isArray()) {
				throw new BadRequestException("remove 须为路径数组 / remove must be an array of paths");
			}
			body.get("remove").forEach(r -> remove.add(r.asText()));
		}
		return answer(this.uploads.upload(text(body, "comment"), texts, text(body, "basedOn"), remove));
	}

	@Operation(summary = "以 zip（multipart）上传候选版本 / Upload a candidate version as a zip (multipart)")
	@ApiResponse(responseCode = "201", description = "已存储并通过检查 / stored and passed")
	@ApiResponse(responseCode = "200", description = "此前已存储 / stored before")
	@Refusals({ 409, 422 })
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<UploadResponse> uploadZip(@RequestPart("file") MultipartFile file,
			@RequestParam(required = false) String comment, @RequestParam(required = false) String basedOn) {
		this.uploads.requireZipSize(file.getSize());
		try {
			return answer(this.uploads.uploadZip(comment, file.getBytes(), basedOn));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Operation(summary = "以 zip（请求体）上传候选版本 / Upload a candidate version as a zip body")
	@ApiResponse(responseCode = "201", description = "已存储并通过检查 / stored and passed")
	@ApiResponse(responseCode = "200", description = "此前已存储 / stored before")
	@Refusals({ 409, 422 })
	@PostMapping(consumes = { "application/zip", "application/x-zip-compressed" }, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<UploadResponse> uploadRawZip(@RequestBody byte[] zip, @RequestParam(required = false) String comment,
			@RequestParam(required = false) String basedOn) {
		return answer(this.uploads.uploadZip(comment, zip, basedOn));
	}

	/** 201/200 for a version that passed; 422 with every problem located for one that did not (stored for the record). */
	private static ResponseEntity<UploadResponse> answer(RulesetUploads.Uploaded u) {
		StoredVersion v = u.version();
		if (v.status() != VersionStatus.PASSED) {
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("version", v.version());
			properties.put("versionStatus", v.status());
			properties.put("result", u.result());
			properties.put("stored", true);
			properties.put("activatable", (v.status() == VersionStatus.SCENARIO_FAILURES)
					? "仅审批人以 force 并写明理由时可启用 / only by an approver with force and a reason" : "从不 / never");
			properties.put("scenariosRun", u.checks().scenariosRun());
			properties.put("scenariosFailed", u.checks().scenariosFailed());
			throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.INVALID_RULES,
					"规则集未通过检查 / Ruleset failed its checks",
					"规则集有 " + u.checks().problems().size() + " 个问题，均已列出；该版本已记录备查（" + v.status()
							+ "），现行版本不变 / the ruleset has " + u.checks().problems().size()
							+ " problem(s), all listed; the version is kept for the record (" + v.status() + "), nothing in force changed",
					u.checks().problems(), properties);
		}
		UploadResponse body = new UploadResponse(v.version(), v.status(), u.result(), v.parentVersion(), u.checks(), u.diff());
		return ResponseEntity.status(u.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.location(URI.create("/api/v1/rulesets/" + v.version()))
			.body(body);
	}

	@Operation(summary = "现行版本及启用计划 / The version in force and the schedule")
	@GetMapping(path = "/active", produces = MediaType.APPLICATION_JSON_VALUE)
	RulesetCatalogue.ActiveView active() {
		return this.catalogue.active();
	}

	@Operation(summary = "启用记录 / The activation log")
	@GetMapping(path = "/activations", produces = MediaType.APPLICATION_JSON_VALUE)
	Page<Activation> activations(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.catalogue.activations(Paging.of(page, size));
	}

	@Operation(summary = "回滚到上一次启用的版本 / Roll back to the previous activation")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestBodies.Rollback.class)))
	@Refusals({ 409, 422, 503 })
	@PostMapping(path = "/rollback", produces = MediaType.APPLICATION_JSON_VALUE)
	RulesetActivations.Activated rollback(@RequestBody JsonNode body) {
		requireObject(body, Set.of("reason"), "{\"reason\": \"…\"}");
		return this.activations.rollback(text(body, "reason"));
	}

	@Operation(summary = "一个版本：文件、检查结果 / One version")
	@GetMapping(path = "/{version}", produces = MediaType.APPLICATION_JSON_VALUE)
	RulesetCatalogue.Detail version(@PathVariable String version) {
		return this.catalogue.detail(version);
	}

	@Operation(summary = "版本中的一个文件 / One file of a version")
	@ApiResponse(responseCode = "200", description = "文件 / the file", content = { @Content(mediaType = "text/plain", schema = @Schema(type = "string")), @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = "string", format = "binary")) })
	@GetMapping(path = "/{version}/files/{*path}")
	ResponseEntity<byte[]> file(@PathVariable String version, @PathVariable String path) {
		String p = path.startsWith("/") ? path.substring(1) : path;
		RulesetCatalogue.FileContent file = this.catalogue.file(version, p);
		MediaType type = file.isText() ? new MediaType("text", "plain", StandardCharsets.UTF_8)
				: MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		return ResponseEntity.ok().contentType(type).body(file.content());
	}

	@Operation(summary = "与父版本（或 against）的文件差异 / Diff against the parent")
	@Refusals({ 422 })
	@GetMapping(path = "/{version}/diff", produces = MediaType.APPLICATION_JSON_VALUE)
	RulesetCatalogue.VersionDiff diff(@PathVariable String version, @RequestParam(required = false) String against) {
		return this.catalogue.diff(version, against);
	}

	@Operation(summary = "预演：候选版本在已存储期间上的结论变化 / What-if on stored periods")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestBodies.Simulation.class)))
	@Refusals({ 422 })
	@PostMapping(path = "/{version}/simulate", produces = MediaType.APPLICATION_JSON_VALUE)
	WhatIfSimulation.Report simulate(@PathVariable String version, @RequestBody JsonNode body) {
		requireObject(body, SIMULATE_FIELDS, "{\"periods\": [\"2026-Q2\", \"2026-Q3\"], \"against\": \"…\"}");
		JsonNode periods = body.get("periods");
		if (periods == null || !periods.isArray() || periods.isEmpty()) {
			throw new BadRequestException("periods 须为期间数组，如 [\"2026-Q3\"] / periods must be an array of periods");
		}
		List<Period> list = new ArrayList<>();
		for (JsonNode p : periods) {
			Period period = RequestParameters.period("periods", p.isTextual() ? p.textValue() : p.toString());
			list.add(period);
		}
		return this.simulation.simulate(version, list, text(body, "against"));
	}

	@Operation(summary = "启用版本（立即或自某日起的期间）/ Activate a version")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestBodies.Activation.class)))
	@Refusals({ 409, 422, 503 })
	@PostMapping(path = "/{version}/activate", produces = MediaType.APPLICATION_JSON_VALUE)
	RulesetActivations.Activated activate(@PathVariable String version, @RequestBody JsonNode body) {
		requireObject(body, ACTIVATE_FIELDS, "{\"reason\": \"…\", \"effectiveFrom\": \"2027-01-01\", \"force\": false}");
		LocalDate effectiveFrom = RequestParameters.date("effectiveFrom", text(body, "effectiveFrom"));
		JsonNode force = body.get("force");
		if (force != null && !force.isNull() && !force.isBoolean()) {
			throw new BadRequestException("force 须为 true 或 false / force must be true or false");
		}
		return this.activations.activate(version, text(body, "reason"), effectiveFrom, force != null && force.asBoolean());
	}

	private static void requireObject(JsonNode body, Set<String> fields, String example) {
		if (body == null || !body.isObject()) {
			throw new BadRequestException("请求体须为 JSON 对象 " + example + " / the body must be a JSON object");
		}
		for (Iterator<String> it = body.fieldNames(); it.hasNext();) {
			String f = it.next();
			if (!fields.contains(f)) {
				throw BadRequestException.unknownField(f, fields);
			}
		}
	}

	private static String text(JsonNode body, String field) {
		JsonNode v = body.get(field);
		if (v == null || v.isNull()) {
			return null;
		}
		if (!v.isTextual()) {
			throw BadRequestException.invalid(field, field + " 须为文本 / " + field + " must be a string");
		}
		return v.textValue();
	}

}
