package org.kaohe.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.kaohe.system.BadRequestException;
import org.kaohe.system.Page;
import org.kaohe.system.Paging;
import org.kaohe.webhook.WebhookDelivery;
import org.kaohe.webhook.WebhookEndpoint;
import org.kaohe.webhook.Webhooks;

/**
 * Webhook endpoints of the OA system ({@code /api/v1/webhooks}): list, create, show, change, delete; the
 * delivery log of an endpoint, redelivery by hand, and a test ping.
 */
@Tag(name = "通知 Webhooks", description = "向 OA 系统推送事件 / notifications to the OA system")
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookController {

	private static final Set<String> FIELDS = Set.of("name", "url", "events", "secret", "enabled");

	private final Webhooks webhooks;

	WebhookController(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	@Operation(summary = "通知地址 / Webhook endpoints")
	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	Page<WebhookEndpoint> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return Page.slice(this.webhooks.endpoints(), Paging.of(page, size));
	}

	@Operation(summary = "新建通知地址 / Create a webhook endpoint")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestBodies.Webhook.class)))
	@ApiResponse(responseCode = "201", description = "已创建 / created")
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<WebhookEndpoint> create(@RequestBody JsonNode body) {
		WebhookEndpoint e = this.webhooks.create(request(body));
		return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/webhooks/" + e.id())).body(e);
	}

	@Operation(summary = "一个通知地址 / One webhook endpoint")
	@GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	WebhookEndpoint get(@PathVariable String id) {
		return this.webhooks.endpoint(id);
	}

	@Operation(summary = "修改通知地址 / Change a webhook endpoint")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestBodies.Webhook.class)))
	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	WebhookEndpoint update(@PathVariable String id, @RequestBody JsonNode body) {
		return this.webhooks.update(id, request(body));
	}

	@Operation(summary = "删除通知地址 / Delete a webhook endpoint")
	@ApiResponse(responseCode = "204", description = "已删除 / deleted")
	@DeleteMapping(path = "/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		this.webhooks.delete(id);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "一个通知地址的投递记录 / The delivery log of an endpoint")
	@GetMapping(path = "/{id}/deliveries", produces = MediaType.APPLICATION_JSON_VALUE)
	Page<WebhookDelivery> deliveries(@PathVariable String id, @RequestParam(required = false) String status,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		String s = RequestParameters.text(status);
		return this.webhooks.deliveries(id, (s != null) ? s.toUpperCase(Locale.ROOT) : null, Paging.of(page, size));
	}

	@Operation(summary = "手动重新投递 / Redeliver by hand")
	@ApiResponse(responseCode = "202", description = "已排队 / queued")
	@PostMapping(path = "/{id}/deliveries/{deliveryId}/redeliver", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<WebhookDelivery> redeliver(@PathVariable String id, @PathVariable String deliveryId) {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(this.webhooks.redeliver(id, deliveryId));
	}

	@Operation(summary = "发送测试事件 / Send a test ping")
	@ApiResponse(responseCode = "202", description = "已排队 / queued")
	@PostMapping(path = "/{id}/ping", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<WebhookDelivery> ping(@PathVariable String id) {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(this.webhooks.ping(id));
	}

	private static Webhooks.EndpointRequest request(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw new BadRequestException("请求体须为 JSON 对象 {name, url, events, secret?, enabled?} / the body must be a JSON object");
		}
		for (Iterator<String> it = body.fieldNames(); it.hasNext();) {
			String f = it.next();
			if (!FIELDS.contains(f)) {
				throw BadRequestException.unknownField(f, FIELDS);
			}
		}
		List<String> events = null;
		JsonNode e = body.get("events");
		if (e != null && !e.isNull()) {
			if (!e.isArray()) {
				throw new BadRequestException("events 须为数组 / events must be an array of event types");
			}
			events = new ArrayList<>();
			for (JsonNode t : e) {
				if (!t.isTextual()) {
					throw new BadRequestException("events 须为文本数组 / events must be an array of strings");
				}
				events.add(t.textValue());
			}
		}
		return new Webhooks.EndpointRequest(JsonFields.text(body, "name"), JsonFields.text(body, "url"), events,
				JsonFields.text(body, "secret"), JsonFields.bool(body, "enabled"));
	}

}
