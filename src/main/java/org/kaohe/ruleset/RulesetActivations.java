package org.kaohe.ruleset;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import org.kaohe.engine.Ruleset;
import org.kaohe.system.Actor;
import org.kaohe.system.Actors;
import org.kaohe.system.BadRequestException;
import org.kaohe.system.KaoheProperties;
import org.kaohe.system.NotFoundException;
import org.kaohe.system.Page;
import org.kaohe.system.Paging;
import org.kaohe.system.ProblemException;
import org.kaohe.system.ProblemTypes;
import org.kaohe.system.Role;

/**
 * Puts ruleset versions in force and takes them out again: {@code POST /api/v1/rulesets/{version}/activate}
 * and {@code POST /api/v1/rulesets/rollback}, and following the schedule other instances write.
 *
 * <p>An activation compiles the stored version anew (what goes live is built from exactly the stored,
 * approved bytes) and warms it up on this service's own thread, off the request path and without
 * holding any lock; only then is it written to the log (in the database,
 * under the ruleset lock) and the new schedule swapped in with one atomic write
 * ({@link ActiveRuleset}). Evaluations running meanwhile finish with the ruleset they hold; none fails
 * and none sees a mix. The replaced ruleset is dropped (the compiler registers nothing globally, see
 * {@link CompiledRulesets}).
 *
 * <p>Every {@code kaohe.rules.poll-interval} the same thread reads the log's last sequence number; when
 * another instance changed the schedule, the versions it needs are compiled (or taken from the cache)
 * and warmed up here, then swapped in, so all instances on one database switch within seconds of each other.
 */
@Service
public class RulesetActivations implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RulesetActivations.class);

	private static final int MAX_REASON = 2000;

	private final RulesetStore store;

	private final ActivationLog activationLog;

	private final CompiledRulesets compiled;

	private final ActiveRuleset active;

	private final Actors actors;

	private final KaoheProperties.Rules properties;

	private final ScheduledThreadPoolExecutor worker;

	private volatile boolean running;

	/** The newest stored version this instance has seen; a newer one is compiled ahead of its activation. */
	private long seenVersionSeq;

	RulesetActivations(RulesetStore store, ActivationLog activationLog, CompiledRulesets compiled, ActiveRuleset active,
			Actors actors, KaoheProperties properties) {
		this.store = store;
		this.activationLog = activationLog;
		this.compiled = compiled;
		this.active = active;
		this.actors = actors;
		this.properties = properties.rules();
		ClassLoader loader = RulesetActivations.class.getClassLoader();
		this.worker = new ScheduledThreadPoolExecutor(1, r -> {
			Thread t = new Thread(r, "kaohe-rulesets");
			t.setDaemon(true);
			t.setContextClassLoader(loader);
			return t;
		});
		this.worker.setRemoveOnCancelPolicy(true);
	}

	/**
	 * Puts a stored version in force.
	 *
	 * @param versionText the version (or a unique prefix)
	 * @param reason why, recorded in the log
	 * @param effectiveFrom the first day of the periods it applies to; null: every period
	 * @param force whether to override failing scenarios (allowed only when nothing else failed)
	 * @throws ProblemException when the version failed its checks, its scenarios fail and it is not
	 * forced, the actor may not activate it, or its warm-up fails
	 */
	public Activated activate(String versionText, String reason, LocalDate effectiveFrom, boolean force) {
		Actor actor = this.actors.current();
		String why = requireReason(reason);
		StoredVersion version = stored(versionText);
		boolean forced = checkStatus(version, force);
		requireApprover(actor);
		if (this.properties.twoPersonRule() && (actor.name().equals(version.author())
				|| actor.name().equals(version.expectationsUpdatedBy()))) {
			throw new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.TWO_PERSON_RULE, "双人规则 / Two-person rule",
					actor.name() + " 上传（或修改了）版本 " + version.version() + "，不能自己启用；须由另一位审批人启用 / " + actor.name()
							+ " stored this version and may not activate it; another approver must");
		}
		return onWorker(() -> {
			long start = System.nanoTime();
			Ruleset fresh = this.compiled.compileFresh(version.version());
			warmUp(fresh);
			long ready = System.nanoTime();
			Activation saved = this.activationLog.activate(version.version(), effectiveFrom, actor, why, forced, this.active.today());
			install(Map.of(fresh.version(), fresh));
			log.info("规则集版本已启用 / ruleset version {} activated by {} (effective from {}, replaced {}, forced {}); "
					+ "compile and warm-up {} ms", saved.version(), actor.name(), (effectiveFrom != null) ? effectiveFrom : "every period",
					saved.previousVersion(), forced, (ready - start) / 1_000_000);
			return new Activated(saved, this.active.current().version());
		});
	}

	/**
	 * Undoes the latest activation in force: the periods it covered go back to the versions they had
	 * before.
	 *
	 * @throws ProblemException (409) when there is nothing to roll back to
	 */
	public Activated rollback(String reason) {
		Actor actor = this.actors.current();
		String why = requireReason(reason);
		requireApprover(actor);
		return onWorker(() -> {
			RulesetSchedule schedule = this.activationLog.schedule();
			Activation latest = schedule.latest().orElse(null);
			RulesetSchedule after = (latest != null) ? schedule.without(latest.seq()) : null;
			if (latest == null || after.entries().isEmpty() || !after.coversEveryPeriod()) {
				throw new ProblemException(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "没有可回滚的启用 / Nothing to roll back",
						"没有更早的版本可以回到 / there is no earlier version to go back to");
			}
			Map<String, Ruleset> ready = this.compiled.forSchedule(after, this.active.snapshot().rulesets());
			Activation saved = this.activationLog.rollback(latest.seq(), actor, why, this.active.today());
			install(ready);
			log.info("规则集已回滚 / ruleset rolled back by {}: activation {} of {} undone; {} in force for its periods", actor.name(),
					latest.seq(), latest.version(), saved.version());
			return new Activated(saved, this.active.current().version());
		});
	}

	/** An activation or rollback done, with the version this instance now serves for current periods. */
	public record Activated(Activation activation, String versionInForce) {
	}

	/** The activation log, newest first. */
	public Page<Activation> log(Paging paging) {
		return this.store.activations(paging);
	}

	/**
	 * Follows the schedule in the database now (what the poll does): compiles and warms up what it
	 * needs, then swaps. Returns when done.
	 */
	public void refresh() {
		onWorker(() -> {
			install(Map.of());
			return null;
		});
	}

	/** Installs the database's schedule unless this instance already serves it. Runs on the worker. */
	private void install(Map<String, Ruleset> provided) {
		List<Activation> entries = this.store.activations();
		RulesetSchedule schedule = RulesetSchedule.of(entries);
		ActiveRuleset.Snapshot current = this.active.snapshot();
		if (schedule.seq() == current.schedule().seq()) {
			return;
		}
		Map<String, Ruleset> reuse = new HashMap<>(current.rulesets());
		reuse.putAll(provided);
		Map<String, Ruleset> rulesets = this.compiled.forSchedule(schedule, reuse);
		ActiveRuleset.Snapshot replaced = this.active.install(new ActiveRuleset.Snapshot(schedule, rulesets));
		String before = replaced.schedule().versionFor(this.active.today());
		String after = schedule.versionFor(this.active.today());
		if (!after.equals(before) || !provided.isEmpty()) {
			log.info("规则集日程已更新 / ruleset schedule {} → {}: {} in force now (was {}); versions in use {}", replaced.schedule().seq(),
					schedule.seq(), after, before, schedule.versionsInUse());
		}
	}

	private void poll() {
		try {
			if (this.store.lastActivationSeq() != this.active.schedule().seq()) {
				install(Map.of());
			}
			long versions = this.store.lastVersionSeq();
			if (versions != this.seenVersionSeq) {
				this.seenVersionSeq = versions;
				this.store.newestUsable().filter(v -> this.active.inUse(v) == null).ifPresent(this.compiled::prepare);
			}
		}
		catch (RuntimeException ex) {
			log.warn("读取规则集日程失败，稍后重试 / could not follow the ruleset schedule; will retry: {}", ex.toString());
		}
	}

	private <T> T onWorker(Callable<T> work) {
		Future<T> future = this.worker.submit(work);
		try {
			return future.get(this.properties.activationTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for the ruleset worker", ex);
		}
		catch (TimeoutException ex) {
			throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.INTERNAL, "启用超时 / Activation timed out",
					"编译和预热超过 " + this.properties.activationTimeout().toSeconds() + " 秒仍未完成，请稍后查看 GET /api/v1/rulesets/active"
							+ " / compile and warm-up are still running; check GET /api/v1/rulesets/active later");
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException re) {
				throw re;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	private void warmUp(Ruleset ruleset) {
		try {
			WarmUp.run(this.compiled.engine(), ruleset);
		}
		catch (RuntimeException ex) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.RULESET_NOT_ACTIVATABLE, "预热失败 / Warm-up failed",
					"规则集版本 " + ruleset.version() + " 预热评估失败，未启用 / the warm-up evaluation of " + ruleset.version()
							+ " failed; nothing changed: " + ex.getMessage());
		}
	}

	private StoredVersion stored(String versionText) {
		return this.store.resolve(versionText)
			.flatMap(this.store::find)
			.orElseThrow(() -> new NotFoundException("规则集版本 " + versionText + " 不存在（或前缀不唯一）/ ruleset version " + versionText
					+ " does not exist (or the prefix is ambiguous)"));
	}

	/** Whether the activation is forced; refuses versions that may not go live. */
	private static boolean checkStatus(StoredVersion version, boolean force) {
		switch (version.status()) {
			case PASSED:
				return false;
			case SCENARIO_FAILURES:
				if (force) {
					return true;
				}
				throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.RULESET_NOT_ACTIVATABLE,
						"场景测试未通过 / Scenarios fail", "规则集版本 " + version.version() + " 有场景测试未通过；确认结论变化是有意的，"
								+ "请用 force: true 并写明理由 / scenarios fail for this version; if the change in outcomes is intended, "
								+ "activate with force: true and a reason");
			default:
				throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.RULESET_NOT_ACTIVATABLE,
						"规则集版本未通过检查 / Ruleset version failed its checks", "规则集版本 " + version.version()
								+ " 未通过检查，不能启用（force 只能跳过场景测试）/ this version failed its checks and can never be activated "
								+ "(force only overrides failing scenarios)");
		}
	}

	private void requireApprover(Actor actor) {
		if (this.properties.twoPersonRule() && !actor.has(Role.APPROVER)) {
			throw new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.ROLE_REQUIRED, "需要审批人角色 / Approver role required",
					"启用和回滚规则集须由审批人（APPROVER）进行 / activating and rolling back rulesets needs the APPROVER role");
		}
	}

	private static String requireReason(String reason) {
		if (reason == null || reason.isBlank()) {
			throw new BadRequestException("须写明理由 reason / a reason is required");
		}
		if (reason.length() > MAX_REASON) {
			throw new BadRequestException("理由过长（最多 " + MAX_REASON + " 字）/ the reason is too long");
		}
		return reason.strip();
	}

	@Override
	public void start() {
		this.seenVersionSeq = this.store.lastVersionSeq();
		long interval = this.properties.pollInterval().toMillis();
		if (interval > 0) {
			this.worker.scheduleWithFixedDelay(this::poll, interval, interval, TimeUnit.MILLISECONDS);
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.worker.shutdownNow();
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
