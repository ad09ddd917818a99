package org.pqipsec.provider.ike;

import java.security.InvalidAlgorithmParameterException;
import java.security.SecureRandom;
import java.util.Objects;

import org.pqipsec.provider.spec.IkePrf;

/**
 * The nonce rules of IKEv2: Nonce Data of 16 to 256 bytes (RFC 7296 §3.9) and at least half the
 * key size of the negotiated PRF (RFC 7296 §2.10). The KDF accepts any non-empty nonce, because
 * NIST's CAVP records use 8-byte nonces, so these rules apply where nonces enter the protocol.
 */
public final class IkeNonce {

    /** The minimum Nonce Data length in bytes (RFC 7296 §3.9). */
    public static final int MIN_LENGTH = 16;

    /** The maximum Nonce Data length in bytes (RFC 7296 §3.9). */
    public static final int MAX_LENGTH = 256;

    private IkeNonce() {}

    /** Returns the minimum nonce length in bytes for {@code prf}: 16, or half its key size. */
    public static int minLength(IkePrf prf) {
        return Math.max(MIN_LENGTH, (prf.keyLength() + 1) / 2);
    }

    /**
     * Checks a nonce received or about to be sent.
     *
     * @param nonce the Nonce Data
     * @param field the name to put in the message, for example {@code "ni"}
     * @param prf the negotiated PRF
     * @throws InvalidAlgorithmParameterException if the nonce is missing, shorter than
     *     {@link #minLength(IkePrf)} or longer than 256 bytes
     */
    public static void check(byte[] nonce, String field, IkePrf prf)
            throws InvalidAlgorithmParameterException {
        Objects.requireNonNull(prf, "prf");
        if (nonce == null) {
            throw new InvalidAlgorithmParameterException(field + " is missing; expected "
                    + minLength(prf) + " to " + MAX_LENGTH + " bytes");
        }
        if (nonce.length < minLength(prf) || nonce.length > MAX_LENGTH) {
            throw new InvalidAlgorithmParameterException(field + " must be " + minLength(prf)
                    + " to " + MAX_LENGTH + " bytes for " + prf + " (RFC 7296 §2.10, §3.9), got "
                    + nonce.length);
        }
    }

    /** Generates a nonce of 32 bytes, or half the PRF key size if that is longer. */
    public static byte[] generate(IkePrf prf, SecureRandom random) {
        byte[] nonce = new byte[Math.max(32, minLength(prf))];
        random.nextBytes(nonce);
        return nonce;
    }
}
