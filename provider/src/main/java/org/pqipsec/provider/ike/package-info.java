/**
 * IKEv2 key exchange methods (Transform Type 4) as one API over the JDK's Diffie-Hellman groups
 * and this provider's ML-KEM, and the nonce rules of RFC 7296 §2.10 and §3.9.
 *
 * <p>Constant-time policy: group arithmetic runs in the JDK (SunJCE, SunEC) and in the provider's
 * ML-KEM. Code here branches only on public values: lengths, the method and the peer's public
 * Key Exchange Data. The one check on a secret, RFC 8031's all-zero test of an X25519 or X448
 * result, ORs every byte into an accumulator before it looks at the result.
 */
package org.pqipsec.provider.ike;
