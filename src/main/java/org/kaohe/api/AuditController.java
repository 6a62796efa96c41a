package org.kaohe.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.kaohe.security.AuditEntry;
import org.kaohe.security.AuditLog;
import org.kaohe.system.BadRequestException;
import org.kaohe.system.Page;
import org.kaohe.system.Paging;

/**
 * The audit log for administrators: {@code GET /api/v1/audit?from=&to=&actor=&page=&size=}, newest
 * first. {@code from} and {@code to} take an ISO date-time ({@code 2026-11-23T08:00:00+08:00}) or a
 * date; {@code to} is exclusive for a date-time and takes the whole day for a date.
 */
@Tag(name = "审计 Audit", description = "每一次写操作：谁、何时、做了什么、从哪个地址（仅管理员）/ every write: who, when, what, from where (administrators)")
@RestController
class AuditController {

	private final AuditLog audit;

	AuditController(AuditLog audit) {
		this.audit = audit;
	}

	@Operation(summary = "审计日志（新的在前）/ The audit log, newest first",
			description = "from、to 为日期（2026-11-23）或 ISO 时间（2026-11-23T08:00:00+08:00）；to 为日期时含当天 / from and to take a date or an ISO date-time; a date as to takes the whole day")
	@GetMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
	Page<AuditEntry> audit(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String actor, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.audit.query(instant("from", from, false), instant("to", to, true), RequestParameters.text(actor),
				Paging.of(page, size));
	}

	private static OffsetDateTime instant(String name, String text, boolean endOfDay) {
		String t = RequestParameters.text(text);
		if (t == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(t);
		}
		catch (DateTimeParseException notDateTime) {
			try {
				LocalDate day = LocalDate.parse(t);
				return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime();
			}
			catch (DateTimeParseException ex) {
				throw new BadRequestException(name + " 须为日期或 ISO 时间 / " + name + " must be a date (2026-11-23) or an ISO date-time "
						+ "(2026-11-23T08:00:00+08:00): " + text);
			}
		}
	}

}
