package org.kaohe.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Looks at an XLSX workbook before POI opens it, so a hostile file is refused without being inflated:
 * from the zip's central directory alone, too many parts, a part that would inflate beyond the limit
 * or by a zip bomb's ratio; then the prolog of every XML part, refusing any document type declaration
 * ({@code <!DOCTYPE …>}), the only way XML can declare entities. A workbook Excel writes never has one,
 * so external entities (XXE) cannot reach the parser, whatever POI's own settings.
 *
 * <p>POI checks the ratio again while it streams (a zip can lie about its sizes); {@link #applyToPoi}
 * sets those checks to the same limits.
 */
final class WorkbookGuard {

	/** Parts smaller than this are not ratio-checked: tiny parts compress well and are harmless. */
	private static final long GRACE_BYTES = 100_000;

	/** What is wrong with a workbook. */
	record Refusal(String code, String message, String messageEn) {
	}

	private WorkbookGuard() {
	}

	static Optional<Refusal> check(Path file, SheetLimits limits) {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			if (zip.size() > limits.maxParts()) {
				return refuse("TOO_MANY_PARTS", "工作簿包含 " + zip.size() + " 个部件，超过上限 " + limits.maxParts(),
						"the workbook has " + zip.size() + " parts, more than " + limits.maxParts());
			}
			long total = 0;
			for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
				ZipEntry entry = e.nextElement();
				long size = entry.getSize();
				long compressed = entry.getCompressedSize();
				if (size < 0 || compressed < 0) {
					continue;
				}
				total += size;
				if (size > limits.maxInflatedBytes() || total > limits.maxInflatedBytes()) {
					return refuse("WORKBOOK_TOO_LARGE", "工作簿解压后超过 " + limits.maxInflatedBytes() + " 字节的上限（请分批上传）",
							"the workbook inflates beyond " + limits.maxInflatedBytes() + " bytes (split the upload)");
				}
				if (size > GRACE_BYTES && size > (long) limits.maxCompressionRatio() * Math.max(compressed, 1)) {
					return refuse("ZIP_BOMB", "工作簿部件 " + entry.getName() + " 的压缩比 " + (size / Math.max(compressed, 1))
							+ ":1 超过上限 " + limits.maxCompressionRatio() + ":1，疑为压缩炸弹，已拒收",
							"workbook part " + entry.getName() + " inflates " + (size / Math.max(compressed, 1)) + " times, more than "
									+ limits.maxCompressionRatio() + "; refused as a zip bomb");
				}
			}
			for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
				ZipEntry entry = e.nextElement();
				String name = entry.getName().toLowerCase(Locale.ROOT);
				if (!entry.isDirectory() && (name.endsWith(".xml") || name.endsWith(".rels") || name.endsWith(".vml"))) {
					try (InputStream in = zip.getInputStream(entry)) {
						if (declaresDoctype(in)) {
							return refuse("XML_DOCTYPE_REFUSED", "工作簿部件 " + entry.getName() + " 含有 DOCTYPE 声明（可引用外部实体），出于安全原因拒收",
									"workbook part " + entry.getName() + " has a DOCTYPE declaration (external entities); refused");
						}
					}
				}
			}
			return Optional.empty();
		}
		catch (IOException ex) {
			// not a zip at all: POI answers that with its own message (UNREADABLE_WORKBOOK)
			return Optional.empty();
		}
	}

	/** Same limits for POI's streaming checks (JVM-wide settings; every upload uses the same values). */
	static synchronized void applyToPoi(SheetLimits limits) {
		org.apache.poi.openxml4j.util.ZipSecureFile.setMinInflateRatio(1.0d / limits.maxCompressionRatio());
		org.apache.poi.openxml4j.util.ZipSecureFile.setMaxEntrySize(limits.maxInflatedBytes());
		org.apache.poi.openxml4j.util.ZipSecureFile.setMaxFileCount(limits.maxParts());
	}

	/** Reads the prolog only: stops at the root element; a DOCTYPE is a parse error. */
	private static boolean declaresDoctype(InputStream in) {
		try {
			SAXParserFactory factory = SAXParserFactory.newInstance();
			factory.setNamespaceAware(false);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			SAXParser parser = factory.newSAXParser();
			parser.parse(new InputSource(in), new DefaultHandler() {
				@Override
				public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
					throw new RootReached();
				}
			});
			return false;
		}
		catch (RootReached ok) {
			return false;
		}
		catch (SAXException ex) {
			return ex.getMessage() != null && ex.getMessage().contains("DOCTYPE");
		}
		catch (IOException | ParserConfigurationException ex) {
			return false;
		}
	}

	private static Optional<Refusal> refuse(String code, String message, String messageEn) {
		return Optional.of(new Refusal(code, message, messageEn));
	}

	private static final class RootReached extends SAXException {

		RootReached() {
			super("root");
		}

	}

}
