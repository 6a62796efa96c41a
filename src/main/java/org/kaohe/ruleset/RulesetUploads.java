package org.kaohe.ruleset;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

import org.kaohe.rules.RuleSource;
import org.kaohe.system.Actors;
import org.kaohe.system.BadRequestException;
import org.kaohe.system.KaoheProperties;
import org.kaohe.system.NotFoundException;

/**
 * {@code POST /api/v1/rulesets}: a candidate ruleset in (JSON files by path, or a zip), checked and
 * stored as a version, nothing put in force. The files are the whole ruleset — or, with
 * {@code basedOn}, changes to a stored version: the files given replace or add to its files, those in
 * {@code remove} are dropped. The new version is diffed against {@code basedOn}, or else against the
 * version in force now.
 */
@Service
public class RulesetUploads {

	private final RulesetStore store;

	private final VersionRecorder recorder;

	private final ActiveRuleset active;

	private final Actors actors;

	private final RuleArchive archive;

	RulesetUploads(RulesetStore store, VersionRecorder recorder, ActiveRuleset active, Actors actors, KaoheProperties properties) {
		this.store = store;
		this.recorder = recorder;
		this.active = active;
		this.actors = actors;
		this.archive = new RuleArchive(properties.rules().archive());
	}

	/**
	 * A stored candidate.
	 *
	 * @param version the stored version
	 * @param result {@code CREATED}, {@code ALREADY_STORED} or {@code EXPECTATIONS_UPDATED}
	 * @param checks everything the checks found
	 * @param diff its files against its parent
	 */
	public record Uploaded(StoredVersion version, String result, CheckReport checks, List<FileDiff> diff) {

		/** Whether the version is new or changed (201) rather than stored before (200). */
		public boolean created() {
			return !"ALREADY_STORED".equals(this.result);
		}

	}

	/** Files given as text by path (the JSON form). */
	public Uploaded upload(String comment, Map<String, String> files, String basedOn, List<String> remove) {
		return store(comment, this.archive.fromTexts(files), basedOn, remove);
	}

	/** Refuses a zip too large to be a ruleset before its bytes are read into memory. */
	public void requireZipSize(long bytes) {
		this.archive.requireSize(bytes);
	}

	/** Files in a zip archive. */
	public Uploaded uploadZip(String comment, byte[] zip, String basedOn) {
		return store(comment, this.archive.fromZip(zip), basedOn, List.of());
	}

	private Uploaded store(String comment, Map<String, byte[]> given, String basedOn, List<String> remove) {
		String parent;
		Map<String, byte[]> files = new TreeMap<>();
		if (basedOn != null && !basedOn.isBlank()) {
			parent = this.store.resolve(basedOn)
				.orElseThrow(() -> new NotFoundException("basedOn 指定的规则集版本 " + basedOn + " 不存在 / ruleset version " + basedOn
						+ " (basedOn) does not exist"));
			files.putAll(this.store.files(parent));
			for (String path : remove) {
				if (files.remove(path) == null) {
					throw new BadRequestException("remove 中的文件 " + path + " 不在版本 " + parent + " 中 / " + path + " is not a file of " + parent);
				}
			}
		}
		else {
			if (!remove.isEmpty()) {
				throw new BadRequestException("remove 只能与 basedOn 一起使用 / remove needs basedOn");
			}
			parent = this.active.current().version();
		}
		files.putAll(given);
		RuleSource source = RuleSource.of(files);
		VersionRecorder.Recorded recorded = this.recorder.record(source, parent, StoredVersion.UPLOAD, this.actors.current(), comment);
		List<FileDiff> diff = this.store.parentDiff(source.version());
		return new Uploaded(recorded.version(), recorded.result().name(), recorded.checks(), diff);
	}

}
