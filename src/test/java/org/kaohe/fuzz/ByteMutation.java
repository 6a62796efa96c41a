package org.kaohe.fuzz;

import java.util.Arrays;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * A change to a file's bytes, whatever its format: cut short (a broken transfer, a truncated zip),
 * a byte changed, invalid UTF-8 or a byte-order mark put in, or nothing.
 */
public record ByteMutation(Op op, int position, byte value) {

	public enum Op {
		NONE, TRUNCATE, SET_BYTE, INVALID_UTF8, BOM
	}

	public static Arbitrary<ByteMutation> any() {
		return Combinators.combine(Arbitraries.of(Op.class), Arbitraries.integers().between(0, Integer.MAX_VALUE),
				Arbitraries.bytes()).as(ByteMutation::new);
	}

	public byte[] applyTo(byte[] bytes) {
		if (bytes.length == 0) {
			return bytes;
		}
		int at = this.position % bytes.length;
		return switch (this.op) {
			case NONE -> bytes;
			case TRUNCATE -> Arrays.copyOf(bytes, at);
			case SET_BYTE -> {
				byte[] b = bytes.clone();
				b[at] = this.value;
				yield b;
			}
			case INVALID_UTF8 -> insert(bytes, at, new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xE2, (byte) 0x82 });
			case BOM -> insert(bytes, at, new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		};
	}

	private static byte[] insert(byte[] bytes, int at, byte[] extra) {
		byte[] b = new byte[bytes.length + extra.length];
		System.arraycopy(bytes, 0, b, 0, at);
		System.arraycopy(extra, 0, b, at, extra.length);
		System.arraycopy(bytes, at, b, at + extra.length, bytes.length - at);
		return b;
	}

}
