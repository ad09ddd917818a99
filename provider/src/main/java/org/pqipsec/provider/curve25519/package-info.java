/**
 * Curve25519 arithmetic for X25519 (RFC 7748): the field GF(2^255 - 19), the Montgomery ladder
 * for variable-base scalar multiplication and an edwards25519 table method for the base point.
 *
 * <p>Constant-time policy: no secret value (a scalar, a scalar bit or digit, or a field element
 * derived from a secret) chooses a branch, an array index, a loop bound or the operands of an
 * integer division. Secret-dependent choices are made with all-ones or all-zero {@code long}
 * masks, table entries are chosen by reading every entry, and reductions use shifts and masks
 * only. Loop counters, exponents of the inversion chain and table positions are public.
 *
 * <p>NOTE: products use {@link Math#unsignedMultiplyHigh} and 64-bit multiplication, so the
 * policy relies on the processor's 64-bit multiply instructions taking the same time for all
 * operands. Current x86-64 and AArch64 server cores behave so, but some older or embedded cores
 * have early-terminating multipliers.
 *
 * <p>Field elements are {@code long[5]} arrays of 51-bit limbs, f = f[0] + f[1] 2^51 + f[2]
 * 2^102 + f[3] 2^153 + f[4] 2^204, kept only partially reduced between operations. Each
 * operation in {@link org.pqipsec.provider.curve25519.Field25519} states the limb bounds it
 * accepts and returns.
 *
 * <p>Secrets are held in arrays that each operation allocates once per call and zeroes before
 * it returns.
 */
package org.pqipsec.provider.curve25519;
