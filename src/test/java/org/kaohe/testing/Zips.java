package org.kaohe.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Zip archives for upload tests, harmless and hostile. */
public final class Zips {

	private Zips() {
	}

	/** A zip with the given entries, names exactly as given (so a test can try {@code ../}). */
	public static byte[] zip(Map<String, byte[]> entries) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (Map.Entry<String, byte[]> e : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(e.getKey()));
				zip.write(e.getValue());
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** A zip with one ordinary file and one entry marked as a symbolic link (Unix mode 0120777) to {@code target}. */
	public static byte[] symlink(String name, String target) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream zip = new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(
				out)) {
			org.apache.commons.compress.archivers.zip.ZipArchiveEntry ok = new org.apache.commons.compress.archivers.zip.ZipArchiveEntry(
					"ok.drl");
			zip.putArchiveEntry(ok);
			zip.write("rule text\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
			zip.closeArchiveEntry();
			org.apache.commons.compress.archivers.zip.ZipArchiveEntry link = new org.apache.commons.compress.archivers.zip.ZipArchiveEntry(
					name);
			link.setUnixMode(0120777);
			zip.putArchiveEntry(link);
			zip.write(target.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			zip.closeArchiveEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** A small zip whose one entry inflates to {@code megabytes} MB of zeros. */
	public static byte[] bomb(String name, int megabytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry(name));
			byte[] zeros = new byte[1024 * 1024];
			for (int i = 0; i < megabytes; i++) {
				zip.write(zeros);
			}
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** A zip of {@code count} tiny entries. */
	public static byte[] manyEntries(int count) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (int i = 0; i < count; i++) {
				zip.putNextEntry(new ZipEntry("rule-" + i + ".drl"));
				zip.write('x');
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
