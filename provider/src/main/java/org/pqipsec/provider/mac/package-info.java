/**
 * AES-XCBC-MAC (RFC 3566) and AES-CMAC (RFC 4493, NIST SP 800-38B) over the JDK's
 * {@code AES/ECB/NoPadding} cipher, with the IKEv2 PRF key rules of RFC 4434 and RFC 4615 and the
 * 96-bit integrity variants of RFC 3566 and RFC 4494.
 *
 * <p>Constant-time policy: the message length, the key length and the chosen variant are public
 * and may choose branches. No branch, array index or division depends on a key byte, a subkey
 * byte or a message byte. The AES block function is the JDK's, which uses the AES instructions
 * of the CPU where the JIT intrinsic applies.
 */
package org.pqipsec.provider.mac;
