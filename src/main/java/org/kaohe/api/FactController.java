package org.kaohe.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import org.kaohe.system.Refusals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import org.kaohe.history.FactBatch;
import org.kaohe.history.FactUploads;
import org.kaohe.history.StoredPeriods;
import org.kaohe.history.UploadReceipt;
import org.kaohe.ingest.DocumentFields;
import org.kaohe.ingest.UploadFile;
import org.kaohe.system.Page;
import org.kaohe.system.Paging;

/**
 * {@code POST /api/v1/facts}: store one period's facts, as a JSON document or as a multipart upload of
 * one XLSX workbook or CSV files (form fields {@code period}, {@code submittedBy}, {@code schemaVersion});
 * {@code GET /api/v1/facts} lists the stored uploads (every revision) and {@code GET /api/v1/facts/{batchId}}
 * returns one as stored.
 */
@Tag(name = "事实数据 Facts", description = "上报一个期间的事实数据（JSON、XLSX 或 CSV），查看已存储的各次上报 / store and read a period's facts")
@RestController
@RequestMapping("/api/v1/facts")
class FactController {

	/** Tells a client its retry was answered from the first request. */
	static final String REPLAYED = "Idempotent-Replayed";

	private final FactUploads uploads;

	private final StoredPeriods periods;

	FactController(FactUploads uploads, StoredPeriods periods) {
		this.uploads = uploads;
		this.periods = periods;
	}

	/**
	 * The body is parsed by Kaohe so a syntax error is located like any other fact problem; an empty body
	 * too is a fact problem (an empty document), not a framework error.
	 */
	@Operation(summary = "上报事实数据（JSON 文档）/ Store a period's facts as a JSON document", description = "同一期间再次上报即为下一修订版；Idempotency-Key 使重试安全 / a later upload of the period is its next revision; Idempotency-Key makes retries safe")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "#/components/schemas/FactDocument")))
	@ApiResponse(responseCode = "201", description = "已存储 / stored; Idempotent-Replayed: true 表示重试得到首次的答复")
	@Refusals({ 422 })
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<UploadReceipt> uploadJson(@RequestBody(required = false) byte[] body,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		return created(this.uploads.uploadJson((body != null) ? body : new byte[0], key));
	}

	@Operation(summary = "上报事实数据（一个 XLSX 工作簿或每表一个 CSV）/ Store a period's facts as one XLSX workbook or CSV files", description = "每个问题按文件或工作表、行、列列出 / every problem located by file or sheet, row and column")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "multipart/form-data", schema = @Schema(implementation = RequestBodies.FactUpload.class)))
	@ApiResponse(responseCode = "201", description = "已存储 / stored")
	@Refusals({ 422 })
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<UploadReceipt> uploadFiles(MultipartHttpServletRequest request,
			@Parameter(hidden = true) @RequestParam(name = "period", required = false) String period,
			@Parameter(hidden = true) @RequestParam(name = "submittedBy", required = false) String submittedBy,
			@Parameter(hidden = true) @RequestParam(name = "schemaVersion", required = false) String schemaVersion,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		List<UploadFile> files = new ArrayList<>();
		try {
			for (List<MultipartFile> parts : request.getMultiFileMap().values()) {
				for (MultipartFile part : parts) {
					// spooled to a file: POI streams a workbook from disk, never from one big array
					Path path = Files.createTempFile("kaohe-upload-", ".part");
					files.add(new UploadFile(part.getOriginalFilename(), path));
					part.transferTo(path);
				}
			}
			return created(this.uploads.uploadSpreadsheets(files, new DocumentFields(period, submittedBy, schemaVersion), key));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			for (UploadFile f : files) {
				try {
					Files.deleteIfExists(f.path());
				}
				catch (IOException ex) {
					// a temp file left behind is cleaned by the OS; the answer matters more
				}
			}
		}
	}

	private static ResponseEntity<UploadReceipt> created(UploadReceipt receipt) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create("/api/v1/facts/" + receipt.batchId()))
			.header(REPLAYED, String.valueOf(receipt.replayed()))
			.body(receipt);
	}

	@Operation(summary = "已存储的上报（每个修订版），新的在前 / Stored uploads, every revision, newest first")
	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	Page<FactBatch> list(@RequestParam(required = false) String period, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.periods.uploads(RequestParameters.period("period", period), Paging.of(page, size));
	}

	/** The document exactly as it was stored (after CSV or XLSX conversion). */
	@Operation(summary = "一次上报的文档（原样）/ One stored document as stored")
	@GetMapping(path = "/{batchId}", produces = MediaType.APPLICATION_JSON_VALUE)
	JsonNode document(@PathVariable String batchId) {
		return this.periods.upload(batchId).tree();
	}

}
