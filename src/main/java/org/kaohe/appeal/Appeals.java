package org.kaohe.appeal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.kaohe.evaluation.StoredOutcome;
import org.kaohe.evaluation.StoredOutcomes;
import org.kaohe.outcome.Measure;
import org.kaohe.outcome.Outcome;
import org.kaohe.system.Actor;
import org.kaohe.system.Actors;
import org.kaohe.system.BadRequestException;
import org.kaohe.system.NotFoundException;
import org.kaohe.system.Page;
import org.kaohe.system.Paging;
import org.kaohe.system.ProblemException;
import org.kaohe.system.ProblemTypes;
import org.kaohe.system.Role;

/**
 * Files and decides appeals and answers what is in force: {@code POST /api/v1/outcomes/{id}/appeals},
 * {@code POST /api/v1/appeals/{id}/decision}, the inbox, and every stored outcome shown with its
 * effective outcome, appeals and re-evaluation links.
 *
 * <p>One appeal at a time per outcome: a second one may be filed once the first is decided. A reviewer
 * holds the approver role and is not the person who filed; a decision can be taken again later (the
 * newer one is in force, the older stays on record).
 */
@Service
public class Appeals {

	private final AppealRepository repository;

	private final StoredOutcomes outcomes;

	private final Actors actors;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock = Clock.systemDefaultZone();

	Appeals(AppealRepository repository, StoredOutcomes outcomes, Actors actors, ApplicationEventPublisher events,
			PlatformTransactionManager transactions) {
		this.repository = repository;
		this.outcomes = outcomes;
		this.actors = actors;
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Files an appeal against a stored outcome as the current actor.
	 *
	 * @param reason why, required
	 * @param attachment a reference to supporting material, or null
	 * @throws NotFoundException when the outcome does not exist
	 * @throws ProblemException (409) while another appeal on the outcome awaits a decision
	 */
	public Appeal file(String outcomeId, String reason, String attachment) {
		if (reason == null || reason.isBlank()) {
			throw new BadRequestException("缺少申诉理由 reason / reason is required");
		}
		if (attachment != null && attachment.length() > 2000) {
			throw new BadRequestException("附件引用过长（最多2000字符）/ attachment reference longer than 2000 characters");
		}
		Actor actor = this.actors.current();
		Outcome outcome = outcome(outcomeId).outcome();
		return this.transaction.execute(status -> {
			boolean pending = this.repository.ofOutcomes(List.of(outcomeId))
				.getOrDefault(outcomeId, List.of())
				.stream()
				.anyMatch(a -> a.decisions().isEmpty());
			if (pending) {
				throw new ProblemException(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "已有待复核的申诉 / An appeal is pending",
						"结论 " + outcomeId + " 已有待复核的申诉，复核后才能再次申诉 / outcome " + outcomeId
								+ " already has an appeal awaiting a decision");
			}
			String id = UUID.randomUUID().toString();
			OffsetDateTime now = now();
			this.repository.insertAppeal(id, outcomeId, outcome.getRunId(), outcome.getPeriod(), outcome.getSubject().getId(),
					outcome.getRuleId(), actor.name(), actor.address(), now, reason.strip(), blankToNull(attachment));
			Appeal appeal = this.repository.find(id).orElseThrow();
			this.events.publishEvent(new AppealFiled(appeal, outcome));
			return appeal;
		});
	}

	/**
	 * Decides an appeal as the current actor.
	 *
	 * @throws NotFoundException when the appeal does not exist
	 * @throws ProblemException (403) when the actor is not an approver or filed the appeal
	 * @throws BadRequestException when the decision is incomplete or does not fit the outcome
	 */
	public Appeal decide(String appealId, DecisionRequest request) {
		Actor actor = this.actors.current();
		Appeal appeal = appeal(appealId);
		if (!actor.has(Role.APPROVER) && !actor.isSystem()) {
			throw new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "无权复核 / Not a reviewer",
					"复核申诉须具有审批（APPROVER）角色 / deciding an appeal needs the APPROVER role");
		}
		if (actor.name().equals(appeal.filedBy())) {
			throw new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "不能复核本人的申诉 / Own appeal",
					"申诉人不能复核自己提出的申诉 / the person who filed an appeal cannot decide it");
		}
		Outcome outcome = outcome(appeal.outcomeId()).outcome();
		check(request, outcome);
		return this.transaction.execute(status -> {
			this.repository.lock(appealId);
			Appeal current = appeal(appealId);
			AppealDecision decision = new AppealDecision(UUID.randomUUID().toString(), current.decisions().size() + 1,
					request.decision(), request.reason().strip(), request.measure(), request.amountYuan(), request.durationDays(),
					request.durationHours(), actor.name(), now());
			this.repository.insertDecision(appealId, decision, actor.address());
			Appeal decided = appeal(appealId);
			this.events.publishEvent(new AppealDecided(decided, outcome, effective(outcome, List.of(decided))));
			return decided;
		});
	}

	private static void check(DecisionRequest r, Outcome outcome) {
		if (r == null || r.decision() == null) {
			throw new BadRequestException("缺少 decision（UPHELD、AMENDED 或 REVOKED）/ decision is required: UPHELD, AMENDED or REVOKED");
		}
		if (r.reason() == null || r.reason().isBlank()) {
			throw new BadRequestException("缺少复核理由 reason / reason is required");
		}
		boolean changes = r.measure() != null || r.amountYuan() != null || r.durationDays() != null || r.durationHours() != null;
		if (r.decision() != Decision.AMENDED) {
			if (changes) {
				throw new BadRequestException("只有 AMENDED（变更）可以给出 measure、amountYuan、durationDays、durationHours / only an AMENDED "
						+ "decision may carry a measure, amount or duration");
			}
			return;
		}
		if (!changes) {
			throw new BadRequestException("AMENDED（变更）须给出变更后的 measure、amountYuan、durationDays 或 durationHours / an AMENDED "
					+ "decision must give the changed measure, amount or duration");
		}
		Measure measure = (r.measure() != null) ? r.measure() : outcome.getMeasure();
		if (!measure.appliesTo(outcome.getSubject().getType())) {
			throw new BadRequestException("措施 " + measure.getLabel() + "（" + measure + "）不适用于" + outcome.getSubject().getType()
					+ " / measure " + measure + " does not apply to a subject of type " + outcome.getSubject().getType());
		}
		if (r.amountYuan() != null && (r.amountYuan() < 0 || !measure.isMonetary())) {
			throw new BadRequestException("金额须为非负数，且只用于涉及金额的措施 / the amount must not be negative and only goes with a "
					+ "monetary measure (deduction, fine referral, reward)");
		}
		if ((r.durationDays() != null && r.durationDays() <= 0) || (r.durationHours() != null && r.durationHours() <= 0)) {
			throw new BadRequestException("期限须为正数 / durations must be positive");
		}
	}

	/** An appeal with its decisions. */
	public Appeal appeal(String appealId) {
		return this.repository.find(appealId)
			.orElseThrow(() -> new NotFoundException("申诉 " + appealId + " 不存在 / appeal " + appealId + " does not exist"));
	}

	/**
	 * Appeals, newest first.
	 *
	 * @param status {@code PENDING}, {@code UPHELD}, {@code AMENDED}, {@code REVOKED}, {@code DECIDED} (any
	 * decision), or null for all
	 */
	public Page<Appeal> inbox(String status, String subjectId, String runId, Paging paging) {
		return this.repository.list(status, subjectId, runId, paging);
	}

	/** Appeals with the outcomes they concern. */
	public Page<AppealView> views(Page<Appeal> appeals) {
		List<String> ids = appeals.content().stream().map(Appeal::outcomeId).distinct().toList();
		Map<String, OutcomeRecord> records = new java.util.HashMap<>();
		records(this.outcomes.findAll(ids).stream().map(StoredOutcome::outcome).toList())
			.forEach(r -> records.put(r.outcome().getId(), r));
		return appeals.map(a -> new AppealView(a, records.get(a.outcomeId())));
	}

	/** An appeal with the outcome it concerns. */
	public AppealView view(String appealId) {
		Appeal a = appeal(appealId);
		return new AppealView(a, record(a.outcomeId()));
	}

	/** A stored outcome with its effective outcome, appeals and links. */
	public OutcomeRecord record(String outcomeId) {
		return records(List.of(outcome(outcomeId).outcome())).get(0);
	}

	/** Stored outcomes with their effective outcomes, appeals and links, in the given order. */
	public List<OutcomeRecord> records(List<Outcome> machine) {
		List<String> ids = machine.stream().map(Outcome::getId).toList();
		Map<String, List<Appeal>> appeals = this.repository.ofOutcomes(ids);
		Map<String, List<OutcomeLink>> links = this.repository.linksOf(ids);
		List<OutcomeRecord> records = new ArrayList<>(machine.size());
		for (Outcome o : machine) {
			List<Appeal> mine = appeals.getOrDefault(o.getId(), List.of());
			records.add(new OutcomeRecord(o, effective(o, mine), mine, links.getOrDefault(o.getId(), List.of())));
		}
		return records;
	}

	/** The machine outcome with the latest decision over all its appeals applied. */
	static EffectiveOutcome effective(Outcome outcome, List<Appeal> appeals) {
		Appeal latestAppeal = null;
		AppealDecision latest = null;
		for (Appeal a : appeals) {
			for (AppealDecision d : a.decisions()) {
				if (latest == null || Comparator.comparing(AppealDecision::decidedAt).compare(d, latest) >= 0) {
					latest = d;
					latestAppeal = a;
				}
			}
		}
		return (latest == null) ? EffectiveOutcome.machine(outcome) : EffectiveOutcome.of(outcome, latestAppeal.id(), latest);
	}

	private StoredOutcome outcome(String outcomeId) {
		return this.outcomes.find(outcomeId)
			.orElseThrow(() -> new NotFoundException("结论 " + outcomeId + " 不存在 / outcome " + outcomeId + " does not exist"));
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock).truncatedTo(ChronoUnit.MICROS);
	}

	private static String blankToNull(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

}
