package org.kaohe.ruleset;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.stereotype.Service;

import org.kaohe.system.KaoheProperties;
import org.kaohe.system.NotFoundException;
import org.kaohe.system.Page;
import org.kaohe.system.Paging;

/**
 * What editors and approvers read about ruleset versions: the list, one version with its files, checks
 * and diff, a file's content, the diff between any two versions, and the schedule this instance serves.
 */
@Service
public class RulesetCatalogue {

	private final RulesetStore store;

	private final ActiveRuleset active;

	private final boolean twoPersonRule;

	RulesetCatalogue(RulesetStore store, ActiveRuleset active, KaoheProperties properties) {
		this.store = store;
		this.active = active;
		this.twoPersonRule = properties.rules().twoPersonRule();
	}

	/**
	 * Where a version stands.
	 * <ul>
	 * <li>{@code ACTIVE}: in force for periods starting today;
	 * <li>{@code SCHEDULED}: activated for periods from a date after today;
	 * <li>{@code IN_USE}: in force for some earlier periods only (effective dating);
	 * <li>{@code RETIRED}: was in force, no longer used;
	 * <li>{@code CANDIDATE}: passed its checks (or only scenarios fail) and was never activated — awaiting approval;
	 * <li>{@code REJECTED}: failed its checks; kept for the record, can never be activated.
	 * </ul>
	 */
	public enum State {

		ACTIVE, SCHEDULED, IN_USE, RETIRED, CANDIDATE, REJECTED

	}

	/**
	 * A version in the list.
	 *
	 * @param version the version, with who stored it and what the checks concluded
	 * @param state where it stands
	 * @param problemCount problems the checks found
	 */
	@io.swagger.v3.oas.annotations.media.Schema(name = "RulesetSummary")
	public record Summary(StoredVersion version, State state, int problemCount) {
	}

	/**
	 * One version for the person who reviews it.
	 *
	 * @param version the version
	 * @param state where it stands
	 * @param files its files (content at {@code …/files/{path}})
	 * @param checks everything the checks found
	 * @param diff its files against its parent, as unified diffs
	 * @param activations every activation and rollback of it
	 */
	public record Detail(StoredVersion version, State state, List<RulesetStore.FileInfo> files, CheckReport checks,
			List<FileDiff> diff, List<Activation> activations) {
	}

	/**
	 * The difference between two versions.
	 *
	 * @param from the older side
	 * @param to the newer side
	 * @param files every file that differs
	 */
	public record VersionDiff(String from, String to, List<FileDiff> files) {
	}

	/**
	 * The schedule this instance serves.
	 *
	 * @param version the version in force now (for periods starting today)
	 * @param rules its number of rules
	 * @param since the activation that put it in force
	 * @param scheduleSeq the last log entry this instance has followed
	 * @param schedule the activations that decide some period, oldest first
	 * @param awaitingApproval usable versions never activated, newest first
	 * @param twoPersonRule whether the two-person rule is on
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ActiveView(String version, int rules, Activation since, long scheduleSeq, List<ScheduleEntry> schedule,
			List<StoredVersion> awaitingApproval, boolean twoPersonRule) {
	}

	/**
	 * One entry of the schedule.
	 *
	 * @param version the version
	 * @param appliesTo the periods it decides, in words
	 * @param effectiveFrom the first day of those periods, null for every period not claimed by a later entry
	 * @param activation who activated it, when and why
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ScheduleEntry(String version, String appliesTo, LocalDate effectiveFrom, Activation activation) {
	}

	/**
	 * A stored file.
	 *
	 * @param path its path
	 * @param content its bytes
	 */
	public record FileContent(String path, byte[] content) {

		public boolean isText() {
			return !this.path.toLowerCase(Locale.ROOT).endsWith(".xlsx");
		}

	}

	public Page<Summary> list(Paging paging) {
		Set<String> activated = activatedVersions();
		RulesetSchedule schedule = this.active.schedule();
		return this.store.list(paging).map(v -> new Summary(v, state(v, schedule, activated), problemCount(v)));
	}

	public Detail detail(String versionText) {
		StoredVersion v = find(versionText);
		return new Detail(v, state(v, this.active.schedule(), activatedVersions()), this.store.fileList(v.version()),
				this.store.checkReport(v.version()), this.store.parentDiff(v.version()), this.store.activationsOf(v.version()));
	}

	public FileContent file(String versionText, String path) {
		StoredVersion v = find(versionText);
		return this.store.file(v.version(), path)
			.map(c -> new FileContent(path, c))
			.orElseThrow(() -> new NotFoundException("版本 " + v.version() + " 中没有文件 " + path + " / no file " + path + " in " + v.version()));
	}

	/**
	 * The diff of a version against another.
	 *
	 * @param againstText the older side: a version, {@code active} for the version in force now, or null
	 * for the version's parent
	 */
	public VersionDiff diff(String versionText, String againstText) {
		StoredVersion v = find(versionText);
		String against;
		if (againstText == null || againstText.isBlank()) {
			against = v.parentVersion();
		}
		else if (againstText.trim().equalsIgnoreCase("active")) {
			against = this.active.current().version();
		}
		else {
			against = find(againstText).version();
		}
		Map<String, byte[]> from = (against != null) ? this.store.files(against) : Map.of();
		return new VersionDiff(against, v.version(), FileDiff.between(from, this.store.files(v.version())));
	}

	public ActiveView active() {
		RulesetSchedule schedule = this.active.schedule();
		LocalDate today = this.active.today();
		Activation since = schedule.entryFor(today).orElse(null);
		List<ScheduleEntry> entries = schedule.effective().stream()
			.map(a -> new ScheduleEntry(a.version(), appliesTo(a, schedule), a.effectiveFrom(), a))
			.toList();
		Set<String> activated = activatedVersions();
		List<StoredVersion> awaiting = this.store.list(new Paging(0, 100)).content().stream()
			.filter(v -> v.status().usable() && !activated.contains(v.version()))
			.limit(20)
			.toList();
		return new ActiveView(this.active.current().version(), this.active.current().rules().size(), since, schedule.seq(), entries,
				awaiting, this.twoPersonRule);
	}

	/** The activation log, newest first. */
	public Page<Activation> activations(Paging paging) {
		return this.store.activations(paging);
	}

	private static String appliesTo(Activation a, RulesetSchedule schedule) {
		List<Activation> effective = schedule.effective();
		LocalDate until = null;
		for (Activation later : effective) {
			if (later.seq() > a.seq() && later.effectiveFrom() != null
					&& (a.effectiveFrom() == null || later.effectiveFrom().isAfter(a.effectiveFrom()))) {
				until = (until == null || later.effectiveFrom().isBefore(until)) ? later.effectiveFrom() : until;
			}
		}
		String from = (a.effectiveFrom() != null) ? "自 " + a.effectiveFrom() + " 起开始的期间 / periods starting on or after "
				+ a.effectiveFrom() : "所有期间 / every period";
		return (until != null) ? from + "（" + until + " 之前开始的 / starting before " + until + "）" : from;
	}

	private State state(StoredVersion v, RulesetSchedule schedule, Set<String> activated) {
		if (v.status() == VersionStatus.FAILED) {
			return State.REJECTED;
		}
		LocalDate today = this.active.today();
		if (v.version().equals(schedule.versionFor(today))) {
			return State.ACTIVE;
		}
		for (Activation a : schedule.effective()) {
			if (a.version().equals(v.version())) {
				return (a.effectiveFrom() != null && a.effectiveFrom().isAfter(today)) ? State.SCHEDULED : State.IN_USE;
			}
		}
		return activated.contains(v.version()) ? State.RETIRED : State.CANDIDATE;
	}

	private int problemCount(StoredVersion v) {
		return this.store.checkReport(v.version()).problems().size();
	}

	private Set<String> activatedVersions() {
		Set<String> versions = new HashSet<>();
		this.store.activations().stream().filter(a -> Activation.ACTIVATE.equals(a.action())).forEach(a -> versions.add(a.version()));
		return versions;
	}

	private StoredVersion find(String versionText) {
		return this.store.resolve(versionText)
			.flatMap(this.store::find)
			.orElseThrow(() -> new NotFoundException("规则集版本 " + versionText + " 不存在（或前缀不唯一）/ ruleset version " + versionText
					+ " does not exist (or the prefix is ambiguous)"));
	}

}
