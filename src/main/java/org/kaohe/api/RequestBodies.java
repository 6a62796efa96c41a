package org.kaohe.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * The JSON bodies of the calls that read their body field by field (to name an unknown or mistyped field
 * in the answer): described here for the OpenAPI document only. The controllers' checks are what
 * applies; these records mirror them, and the contract test sends real bodies through both.
 */
final class RequestBodies {

	private RequestBodies() {
	}

	@Schema(name = "FactUploadForm", description = "一个 XLSX 工作簿（file），或每表一个 CSV 文件（files，文件名为表名，如 subjects.csv）/ one XLSX workbook or one CSV file per table")
	record FactUpload(@Schema(description = "期间 / period", example = "2026-Q3") String period,
			@Schema(description = "上报单位 / submitted by", example = "市攻坚办") String submittedBy,
			@Schema(description = "文档格式版本 / schema version", example = "1") String schemaVersion,
			@Schema(description = "XLSX 工作簿 / the workbook") org.springframework.web.multipart.MultipartFile file,
			@Schema(description = "CSV 文件 / CSV files") List<org.springframework.web.multipart.MultipartFile> files) {
	}

	@Schema(name = "EvaluationRequest", description = "评估一个已存储期间 / evaluate a stored period", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
	record Evaluation(
			@Schema(description = "期间 / period", example = "2026-Q3", requiredMode = RequiredMode.REQUIRED) String period,
			@Schema(description = "评估基准日（默认期末）/ as-of date (default: end of period)", example = "2026-09-30") LocalDate asOf,
			@Schema(description = "规则集版本（默认该期间生效的版本）/ ruleset version (default: the one in force)") String rulesetVersion) {
	}

	@Schema(name = "AppealRequest", description = "对一条结论提出申诉 / appeal an outcome", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
	record Appeal(@Schema(description = "申诉理由 / reason", example = "该工地已于8月停工，检查时不在施工期", requiredMode = RequiredMode.REQUIRED) String reason,
			@Schema(description = "附件的地址或编号 / attachment reference", example = "OA-2026-0917-001") String attachment) {
	}

	@Schema(name = "DecisionRequest", description = "复核决定；只有 AMENDED 时给出改变的字段 / the review's decision; changed fields only with AMENDED",
			additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
	record Decision(
			@Schema(description = "决定 / decision", allowableValues = { "UPHELD", "AMENDED", "REVOKED" }, requiredMode = RequiredMode.REQUIRED) String decision,
			@Schema(description = "理由 / reason", requiredMode = RequiredMode.REQUIRED) String reason,
			@Schema(description = "改为的措施 / the new measure") String measure,
			@Schema(description = "改为的金额（元）/ the new amount (yuan)") Long amountYuan,
			@Schema(description = "改为的天数 / the new duration in days") Integer durationDays,
			@Schema(description = "改为的小时数 / the new duration in hours") Integer durationHours) {
	}

	@Schema(name = "WebhookRequest", description = "OA 系统的通知地址；修改时空字段保持不变 / a webhook endpoint; on update absent fields keep their value",
			additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
	record Webhook(@Schema(description = "名称 / name", example = "OA 待办") String name,
			@Schema(description = "接收地址（http/https）/ receiver URL", example = "https://oa.example.gov.cn/kaohe/events") String url,
			@Schema(description = "事件类型，或 * / event types, or *", example = "[\"run.completed\"]") List<String> events,
			@Schema(description = "签名密钥（至少16个字符；创建时不给则生成）/ signing secret, at least 16 characters") String secret,
			@Schema(description = "是否发送（创建时默认 true）/ whether to send") Boolean enabled) {
	}

	@Schema(name = "RulesetUploadRequest", description = "以 JSON 上传规则集候选版本 / a candidate ruleset as JSON", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
	record RulesetUpload(@Schema(description = "说明 / comment", example = "2027年起扬尘罚款上限调整") String comment,
			@Schema(description = "路径 → 文件内容 / path to content", requiredMode = RequiredMode.REQUIRED,
					example = "{\"parameters.yaml\": \"…\"}") Map<String, String> files,
			@Schema(description = "基于哪个版本（只给改动的文件）/ the version the files change") String basedOn,
			@Schema(description = "从基础版本中删除的路径 / paths removed from the base version") List<String> remove) {
	}

	@Schema(name = "ActivationRequest", description = "启用规则集版本 / activate a ruleset version", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
	record Activation(@Schema(description = "理由 / reason", example = "市攻坚办2026年第12号文", requiredMode = RequiredMode.REQUIRED) String reason,
			@Schema(description = "自哪天起的期间适用（默认立即）/ applies to periods from this date (default: now)", example = "2027-01-01") LocalDate effectiveFrom,
			@Schema(description = "场景测试未通过仍启用（审批人，须写明理由）/ activate despite failing scenarios") Boolean force) {
	}

	@Schema(name = "RollbackRequest", description = "回到上一次启用的版本 / go back to the previous activation", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
	record Rollback(@Schema(description = "理由 / reason", requiredMode = RequiredMode.REQUIRED) String reason) {
	}

	@Schema(name = "SimulationRequest", description = "以候选版本预演已存储期间 / what-if on stored periods", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
	record Simulation(@Schema(description = "期间 / periods", example = "[\"2026-Q2\", \"2026-Q3\"]", requiredMode = RequiredMode.REQUIRED) List<String> periods,
			@Schema(description = "对比的版本（默认各期间生效的版本）/ compare against (default: the version in force)") String against) {
	}

}
