/**
 * ESP (RFC 4303) encapsulation and decapsulation with AES-GCM (RFC 4106), AES-GMAC (RFC 4543),
 * ChaCha20-Poly1305 (RFC 7634) and their implicit-IV forms (RFC 8750), with 32-bit or extended
 * sequence numbers and an RFC 6479 anti-replay window.
 *
 * <p>{@link org.pqipsec.esp.EspOutboundSa} builds ESP packets and
 * {@link org.pqipsec.esp.EspInboundSa} verifies and opens them, one at a time or in bursts, on
 * {@code byte[]}, heap or direct {@code ByteBuffer}, or {@code MemorySegment}. Both take the SPI
 * and the keying material of one Child SA direction as IKEv2 derives it (RFC 7296 §2.17): the
 * cipher key followed by the 4-byte salt (RFC 4106 §8.1). The AEAD computation sits behind
 * {@link org.pqipsec.esp.AeadEngine}, chosen through {@link org.pqipsec.esp.EspEngine}. Both SA
 * classes are thread-safe.
 *
 * <h2>Constant-time and secret-handling policy</h2>
 *
 * <ul>
 *   <li>Every {@code AeadEngine} must compare the ICV in constant time, because it is the one
 *       check on secret-dependent data that a sender without the key can probe.
 *       The JCA engine relies on the JDK's {@code AES/GCM/NoPadding} and
 *       {@code ChaCha20-Poly1305} ciphers; in JDK 25 SunJCE compares the whole tag with an
 *       accumulated XOR and releases no output on a mismatch. The 8-byte-ICV GCM engine computes
 *       GHASH with masks instead of branches or tables and compares the tag with an OR of XORs.</li>
 *   <li>SPI, sequence number and anti-replay checks (RFC 4303 §3.4.3) read header fields that
 *       travel in the clear, so they branch freely. They run before decryption to reject cheap
 *       forgeries early.</li>
 *   <li>The padding check (RFC 4303 §2.4) runs only on plaintext that passed ICV
 *       verification, so its drop reason gives no decryption oracle to a sender without the
 *       key. It branches on the pad length, which reveals only how the plaintext splits
 *       between payload and padding.</li>
 *   <li>Each SA copies the caller's keying material, so the caller should wipe its own array.
 *       The SA wipes its temporary copy of the AES key once the engine is built, and
 *       {@code destroy()} wipes the engine's key and zeroes the salt. The SAs zero their per-thread
 *       nonce buffers after each packet and the plaintext of every dropped packet. Copies inside
 *       the JCA ciphers are out of reach, so re-keying them on destroy is best effort.</li>
 *   <li>Exception messages and {@code toString()} output carry lengths, SPIs and sequence
 *       numbers, never key bytes or plaintext.</li>
 * </ul>
 */
package org.pqipsec.esp;
