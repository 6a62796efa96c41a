package org.kaohe.api;

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
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<UploadReceipt> uploadJson(@RequestBody(required = false) byte[] body,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		return created(this.uploads.uploadJson((body != null) ? body : new byte[0], key));
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<UploadReceipt> uploadFiles(MultipartHttpServletRequest request,
			@RequestParam(name = "period", required = false) String period,
			@RequestParam(name = "submittedBy", required = false) String submittedBy,
			@RequestParam(name = "schemaVersion", required = false) String schemaVersion,
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

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	Page<FactBatch> list(@RequestParam(required = false) String period, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.periods.uploads(RequestParameters.period("period", period), Paging.of(page, size));
	}

	/** The document exactly as it was stored (after CSV or XLSX conversion). */
	@GetMapping(path = "/{batchId}", produces = MediaType.APPLICATION_JSON_VALUE)
	JsonNode document(@PathVariable String batchId) {
		return this.periods.upload(batchId).tree();
	}

}
