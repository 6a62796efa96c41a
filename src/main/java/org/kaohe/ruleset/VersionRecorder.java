package org.kaohe.ruleset;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import org.kaohe.rules.RuleSource;
import org.kaohe.system.Actor;
import org.kaohe.system.ProblemException;
import org.kaohe.system.ProblemTypes;

/**
 * Stores a candidate ruleset as a version: runs every check, diffs its files against the parent and
 * keeps files, checks and diff together. Whatever the checks find, the version is stored (a failing one
 * for the record, marked so it can never be activated); storing changes nothing in force.
 *
 * <p>The same rules stored again are the same version. If only the files that do not change the
 * version differ (the scenario expectations it ships, notes), they replace the stored ones and the
 * checks run again — as long as the version was never in force; after that it is fixed.
 */
@Component
class VersionRecorder {

	private static final Logger log = LoggerFactory.getLogger(VersionRecorder.class);

	private final RulesetStore store;

	private final RulesetChecks checks;

	private final CompiledRulesets compiled;

	private final Clock clock = Clock.systemDefaultZone();

	VersionRecorder(RulesetStore store, RulesetChecks checks, CompiledRulesets compiled) {
		this.store = store;
		this.checks = checks;
		this.compiled = compiled;
	}

	/** How a candidate was stored. */
	enum Result {

		/** A new version. */
		CREATED,

		/** The version was stored before with exactly these files. */
		ALREADY_STORED,

		/** The version was stored before; its scenario expectations and notes were replaced. */
		EXPECTATIONS_UPDATED

	}

	/**
	 * A stored candidate with what its checks found.
	 *
	 * @param version the stored version
	 * @param result new, unchanged or with new expectations
	 * @param checks everything the checks found
	 */
	record Recorded(StoredVersion version, Result result, CheckReport checks) {
	}

	/**
	 * Stores a candidate.
	 *
	 * @param parent the version it is based on and diffed against, or null for the first
	 * @throws ProblemException (409) when only its expectations differ from a version that was in force
	 */
	Recorded record(RuleSource source, String parent, String origin, Actor actor, String comment) {
		StoredVersion existing = this.store.find(source.version()).orElse(null);
		if (existing != null) {
			Map<String, byte[]> stored = this.store.files(existing.version());
			// the folder's notes and scenario copies never replace what a version was stored with
			if (sameFiles(stored, source.files()) || StoredVersion.DIRECTORY.equals(origin)) {
				return new Recorded(existing, Result.ALREADY_STORED, this.store.checkReport(existing.version()));
			}
			if (this.store.everActivated(existing.version())) {
				throw new ProblemException(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "版本已启用过 / Version was in force",
						"规则集版本 " + existing.version() + " 已经启用过，其场景预期和说明不能再改；请改规则后作为新版本上传 / ruleset version "
								+ existing.version() + " has been in force; its scenario expectations and notes are fixed");
			}
		}
		long start = System.nanoTime();
		RulesetChecks.Checked checked = this.checks.checkAndBuild(source);
		long checkedMillis = (System.nanoTime() - start) / 1_000_000;
		if (checked.ruleset() != null) {
			this.compiled.offer(checked.ruleset());
		}
		OffsetDateTime now = OffsetDateTime.now(this.clock).truncatedTo(ChronoUnit.MILLIS);
		if (existing != null) {
			this.store.locked(() -> {
				List<FileDiff> diff = FileDiff.between(
						(existing.parentVersion() != null) ? this.store.files(existing.parentVersion()) : Map.of(), source.files());
				this.store.replaceExpectations(source, checked.report(), diff, actor.name(), now);
				return null;
			});
			log.info("规则集版本的场景预期已更新 / expectations of ruleset version {} replaced by {}: {}", source.version(), actor.name(),
					VersionStatus.of(checked.report()));
			return new Recorded(this.store.find(source.version()).orElseThrow(), Result.EXPECTATIONS_UPDATED, checked.report());
		}
		List<FileDiff> diff = FileDiff.between((parent != null) ? this.store.files(parent) : Map.of(), source.files());
		Recorded recorded = this.store.locked(() -> {
			StoredVersion raced = this.store.find(source.version()).orElse(null);
			if (raced != null) {
				// another instance stored the same rules meanwhile
				return new Recorded(raced, Result.ALREADY_STORED, this.store.checkReport(raced.version()));
			}
			StoredVersion v = this.store.insert(source, parent, origin, actor.name(), actor.address(), blankToNull(comment),
					checked.report(), checked.ruleCount(), diff, now);
			return new Recorded(v, Result.CREATED, checked.report());
		});
		log.info("规则集版本已保存 / ruleset version {} stored ({}, by {}, {} problem(s), {} scenario(s) run, checks {} ms): {}",
				source.version(), origin, actor.name(), checked.report().problems().size(), checked.report().scenariosRun(),
				checkedMillis, recorded.version().status());
		return recorded;
	}

	private static boolean sameFiles(Map<String, byte[]> a, Map<String, byte[]> b) {
		if (!a.keySet().equals(b.keySet())) {
			return false;
		}
		return a.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), b.get(e.getKey())));
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
