package org.kaohe.ruleset;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import org.kaohe.rules.RuleSource;
import org.kaohe.rules.RulesetInvalidException;
import org.kaohe.system.Actor;
import org.kaohe.system.KaoheProperties;

/**
 * Takes the {@code rules/} folder in as a ruleset version, at start and (when watched) when it changes.
 *
 * <ul>
 * <li>First start (no activation yet): the folder is stored and put in force; rules that do not
 * compile or check stop the start with every problem listed.
 * <li>Later: only when the folder differs from what it held when last picked up (so a restart does not
 * undo activations made through the API), it is stored as a new version based on the version in force
 * and, if it differs from that version, put in force — automatically only when the two-person rule is
 * off and every check passed; otherwise it waits for an approver, and the log says so loudly.
 * </ul>
 */
@Component
class DirectoryPickup {

	private static final Logger log = LoggerFactory.getLogger(DirectoryPickup.class);

	private final RulesetStore store;

	private final VersionRecorder recorder;

	private final ActivationLog activations;

	private final KaoheProperties.Rules properties;

	DirectoryPickup(RulesetStore store, VersionRecorder recorder, ActivationLog activations, KaoheProperties properties) {
		this.store = store;
		this.recorder = recorder;
		this.activations = activations;
		this.properties = properties.rules();
	}

	/**
	 * Picks the folder up.
	 *
	 * @param trigger why (start, watch), for the log and the activation reason
	 * @return whether the schedule changed
	 * @throws RulesetInvalidException on a first start with rules that cannot go live
	 */
	boolean pickUp(String trigger, LocalDate today) {
		RuleSource source;
		try {
			source = RuleSource.fromDirectory(this.properties.location());
		}
		catch (RulesetInvalidException ex) {
			if (this.activations.schedule().entries().isEmpty()) {
				throw ex;
			}
			log.warn("规则目录无法读取，继续使用数据库中的现行版本 / the rules folder cannot be read; serving the stored schedule: {}",
					ex.getMessage());
			return false;
		}
		RulesetSchedule schedule = this.activations.schedule();
		if (schedule.entries().isEmpty()) {
			return firstStart(source, today);
		}
		String lastPickedUp = this.store.lastPickedUp().orElse(null);
		if (source.version().equals(lastPickedUp)) {
			return false;
		}
		String inForce = schedule.versionFor(today);
		VersionRecorder.Recorded recorded = this.recorder.record(source, inForce, StoredVersion.DIRECTORY, Actor.SYSTEM,
				"规则目录 rules/（" + trigger + "）/ the rules/ folder (" + trigger + ")");
		this.store.markPickedUp(source.version(), OffsetDateTime.now());
		if (source.version().equals(inForce)) {
			return false;
		}
		VersionStatus status = recorded.version().status();
		if (!this.properties.twoPersonRule() && status == VersionStatus.PASSED) {
			Activation done = this.activations.activateIf(s -> Objects.equals(s.versionFor(today), inForce), source.version(),
					null, Actor.SYSTEM, "规则目录已变化，自动启用（" + trigger + "）/ the rules folder changed; activated automatically ("
							+ trigger + ")",
					false, today);
			if (done == null) {
				return true;
			}
			log.info("规则目录已变化，新版本已启用 / the rules folder changed; version {} is now in force (was {})", source.version(), inForce);
			return true;
		}
		String why = (status != VersionStatus.PASSED)
				? "检查未通过（" + status + "，" + recorded.checks().problems().size() + " 个问题）/ its checks failed (" + status + ")"
				: "双人规则要求审批人启用 / the two-person rule requires an approver to activate it";
		log.warn("""

				*** 规则目录 rules/ 已变化，但新版本未启用 / THE RULES FOLDER CHANGED BUT THE NEW VERSION IS NOT IN FORCE ***
				    新版本 / new version:      {}
				    现行版本 / still in force: {}
				    原因 / why:                {}
				    审批人查看并启用 / an approver reviews and activates it:
				      GET  /api/v1/rulesets/{}
				      POST /api/v1/rulesets/{}/activate {{"reason": "…"}}
				""", source.version(), inForce, why, source.version(), source.version());
		return false;
	}

	private boolean firstStart(RuleSource source, LocalDate today) {
		VersionRecorder.Recorded recorded = this.recorder.record(source, null, StoredVersion.DIRECTORY, Actor.SYSTEM,
				"首次启动时的规则目录 rules/ / the rules/ folder at first start");
		VersionStatus status = recorded.version().status();
		if (status == VersionStatus.FAILED) {
			throw new RulesetInvalidException(recorded.checks().problems());
		}
		this.store.markPickedUp(source.version(), OffsetDateTime.now());
		boolean forced = status == VersionStatus.SCENARIO_FAILURES;
		if (forced) {
			log.warn("首次启动：规则目录有 {} 个场景未通过，仍启用（没有其他版本可用）/ first start: {} scenario(s) fail for the rules folder; "
					+ "it goes live anyway, there is no other version: {}", recorded.checks().scenariosFailed(),
					recorded.checks().scenariosFailed(), recorded.checks().problems());
		}
		this.activations.activateIf(s -> s.entries().isEmpty(), source.version(), null, Actor.SYSTEM,
				"首次启动，启用规则目录 rules/ / first start: the rules/ folder goes live", forced, today);
		return true;
	}

}
