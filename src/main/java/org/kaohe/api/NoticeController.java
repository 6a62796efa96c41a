package org.kaohe.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import org.kaohe.system.Refusals;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.kaohe.notice.Notices;

/**
 * {@code GET /api/v1/evaluations/{runId}/notice?format=docx|html|pdf&date=}: the notice (通报) of a run,
 * with every outcome as in force after appeals. {@code date} is the issuing date printed (today when
 * absent).
 */
@Tag(name = "通报 Notices")
@RestController
@RequestMapping("/api/v1/evaluations")
class NoticeController {

	private final Notices notices;

	NoticeController(Notices notices) {
		this.notices = notices;
	}

	@Operation(summary = "一次运行的通报（docx、html 或 pdf）/ The notice of a run")
	@ApiResponse(responseCode = "200", description = "通报 / the notice", content = { @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")), @Content(mediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", schema = @Schema(type = "string", format = "binary")), @Content(mediaType = "text/html", schema = @Schema(type = "string")) })
	@Refusals({ 503 })
	@GetMapping(path = "/{runId}/notice")
	ResponseEntity<byte[]> notice(@PathVariable String runId, @RequestParam(required = false) String format,
			@RequestParam(required = false) String date) {
		String f = (RequestParameters.text(format) != null) ? format.trim().toLowerCase(Locale.ROOT) : "pdf";
		LocalDate d = RequestParameters.date("date", date);
		Notices.Rendered r = this.notices.render(runId, f, (d != null) ? d : LocalDate.now());
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(r.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					("html".equals(f) ? ContentDisposition.inline() : ContentDisposition.attachment())
						.filename(r.fileName())
						.build()
						.toString())
			.body(r.content());
	}

}
