package org.kaohe.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

import org.kaohe.facts.Period;
import org.kaohe.outcome.Outcome;
import org.kaohe.outcome.Outcomes;
import org.kaohe.outcome.RuleContractException;
import org.kaohe.outcome.RuleInfo;
import org.kaohe.rules.Parameters;

/**
 * Runs one partition's facts through a fresh session.
 *
 * <p>Rules fire in stages: after the rules settle, the outcomes decided so far are inserted as facts
 * and the rules fire again, so rules that react to outcomes (一案四查, 负面信息库) see them. A
 * firing cap and a wall-clock watchdog stop a runaway ruleset; the session is always disposed.
 */
final class SessionRunner {

	/**
	 * The stages, in order. Rules that react to outcomes of the evaluated period declare
	 * {@code agenda-group "derived-1"} (reacting to ordinary rules) or a later group (reacting to
	 * derived ones), so they fire once, after the outcomes they read exist.
	 */
	static final List<String> STAGES = List.of("MAIN", "derived-1", "derived-2", "derived-3");

	private SessionRunner() {
	}

	static PartitionResult run(Ruleset ruleset, String territory, List<Object> facts, Parameters parameters,
			Period period, EngineLimits limits, ScheduledExecutorService watchdog) {
		KieSession session = ruleset.knowledgeBase().newKieSession();
		Outcomes outcomes = new Outcomes(period);
		AtomicBoolean timedOut = new AtomicBoolean();
		ScheduledFuture<?> timer = null;
		try {
			Map<String, ?> globals = globalsDeclared(ruleset);
			if (globals.containsKey("outcomes")) {
				session.setGlobal("outcomes", outcomes);
			}
			if (globals.containsKey("params")) {
				session.setGlobal("params", parameters);
			}
			Listener listener = new Listener(ruleset, outcomes, session);
			session.addEventListener(listener);
			timer = watchdog.schedule(() -> {
				timedOut.set(true);
				session.halt();
			}, limits.timeLimit().toMillis(), TimeUnit.MILLISECONDS);

			insertAll(session, facts);
			int cap = limits.capFor(facts.size());
			long fired = 0;
			for (String stage : STAGES) {
				if (!stage.equals("MAIN")) {
					// a ruleset without rules in a stage has no agenda group for it
					org.kie.api.runtime.rule.AgendaGroup group = session.getAgenda().getAgendaGroup(stage);
					if (group != null) {
						group.setFocus();
					}
				}
				fired += fire(session, (int) Math.max(1, cap - fired));
				if (listener.failure != null) {
					throw listener.failure;
				}
				if (timedOut.get()) {
					throw new RunawayRulesException("规则运行超过时限 " + limits.timeLimit().toSeconds() + " 秒，已中止（区域 " + territory
							+ "）/ rules ran longer than " + limits.timeLimit() + " in partition " + territory
							+ "; stopped. Firings so far by rule: " + listener.firings, listener.firings);
				}
				if (fired >= cap) {
					throw new RunawayRulesException("规则触发次数达到上限 " + cap + "，疑似规则循环触发，已中止（区域 " + territory
							+ "）/ rules fired " + cap + " times in partition " + territory
							+ " (the cap); a rule keeps re-activating. Firings by rule: " + listener.firings, listener.firings);
				}
				insertAll(session, outcomes.drainNew());
			}
			return new PartitionResult(outcomes.all(), fired, listener.firings);
		}
		finally {
			if (timer != null) {
				timer.cancel(false);
			}
			session.dispose();
		}
	}

	private static Map<String, ?> globalsDeclared(Ruleset ruleset) {
		return ruleset.knowledgeBase().getGlobals();
	}

	private static void insertAll(KieSession session, List<?> facts) {
		try {
			for (Object f : facts) {
				session.insert(f);
			}
		}
		catch (RuntimeException | LinkageError | StackOverflowError ex) {
			throw new RuleFailureException(null, "规则条件求值失败 / a rule condition failed while facts were inserted: "
					+ rootMessage(ex), ex);
		}
	}

	private static int fire(KieSession session, int max) {
		try {
			return session.fireAllRules(max);
		}
		catch (ConsequenceException ex) {
			String rule = ex.getMatch().getRule().getName();
			Object id = ex.getMatch().getRule().getMetaData().get("id");
			throw new RuleFailureException(String.valueOf(id), "规则 " + id + "「" + rule + "」执行失败 / rule " + id
					+ " failed: " + rootMessage(ex), ex);
		}
		catch (RuleFailureException | RuleContractException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new RuleFailureException(null, "规则运行失败 / rules failed: " + rootMessage(ex), ex);
		}
		catch (LinkageError | StackOverflowError ex) {
			// a construct Drools compiles but cannot run (str[startsWith] in an MVEL constraint throws
			// NoSuchMethodError in Drools 10.2) or a rule function recursing without end: the rules failed,
			// not the service, so it is reported like any rule failure instead of escaping as a 500
			throw new RuleFailureException(null, "规则运行失败（规则中有引擎无法执行的写法）/ rules failed: a construct the engine cannot run: "
					+ ex, ex);
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable t = ex;
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
		}
		return (t.getMessage() != null) ? t.getMessage() : t.toString();
	}

	/** Tells the collector which rule is firing on which facts, counts firings, keeps contract breaches. */
	private static final class Listener extends DefaultAgendaEventListener {

		private final Ruleset ruleset;

		private final Outcomes outcomes;

		private final KieSession session;

		private final Map<String, Integer> firings = new HashMap<>();

		private RuntimeException failure;

		Listener(Ruleset ruleset, Outcomes outcomes, KieSession session) {
			this.ruleset = ruleset;
			this.outcomes = outcomes;
			this.session = session;
		}

		@Override
		public void beforeMatchFired(BeforeMatchFiredEvent event) {
			String name = event.getMatch().getRule().getName();
			RuleInfo info = this.ruleset.ruleInfo(name);
			if (info == null) {
				info = new RuleInfo(name, name, "", "", 0);
			}
			this.firings.merge(info.id(), 1, Integer::sum);
			this.outcomes.beginMatch(info, List.copyOf(event.getMatch().getObjects()));
		}

		@Override
		public void afterMatchFired(AfterMatchFiredEvent event) {
			try {
				this.outcomes.endMatch();
			}
			catch (RuleContractException ex) {
				if (this.failure == null) {
					this.failure = ex;
				}
				this.session.halt();
			}
		}

	}

	/** What one partition decided. */
	record PartitionResult(List<Outcome> outcomes, long firings, Map<String, Integer> firingsByRule) {
	}

}
