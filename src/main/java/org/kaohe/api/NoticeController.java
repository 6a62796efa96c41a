package org.kaohe.api;

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
@RestController
@RequestMapping("/api/v1/evaluations")
class NoticeController {

	private final Notices notices;

	NoticeController(Notices notices) {
		this.notices = notices;
	}

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
