package org.pqipsec.esp;

import java.security.InvalidKeyException;
import javax.crypto.AEADBadTagException;
import javax.security.auth.Destroyable;

/**
 * AES-GCM (NIST SP 800-38D) with a 12-byte nonce and a 16-byte tag, bound to one key. It is the
 * combined mode of RFC 4106, in which the SA builds the nonce (RFC 4106 §4) and the AAD
 * (RFC 4106 §5) and the engine encrypts and authenticates.
 *
 * <p>An SA creates one engine per key through a {@link Factory} and calls it from any thread,
 * so implementations must be thread-safe. Implementations must compare tags in constant time
 * and must reject use after {@link #destroy()} with {@link IllegalStateException}.
 */
public interface AeadEngine extends Destroyable {

    /** Length of the nonce in bytes (RFC 4106 §4: 4-byte salt followed by 8-byte IV). */
    int NONCE_LENGTH = 12;

    /** Length of the authentication tag in bytes, the ICV of ENCR_AES_GCM_16 (RFC 4106 §6). */
    int TAG_LENGTH = 16;

    /**
     * Encrypts {@code buffer[offset, offset + length)} in place and writes the tag into the
     * {@link #TAG_LENGTH} bytes that follow.
     *
     * <p>The caller must never pass the same nonce twice for one key, because GCM loses both
     * confidentiality and integrity when a nonce repeats.
     *
     * @throws IllegalArgumentException if {@code nonce} is not {@link #NONCE_LENGTH} bytes
     * @throws IndexOutOfBoundsException if the range plus the tag does not fit in {@code buffer}
     * @throws IllegalStateException if the engine is destroyed
     */
    void seal(byte[] nonce, byte[] aad, byte[] buffer, int offset, int length);

    /**
     * Verifies and decrypts {@code input[inputOffset, inputOffset + inputLength)}, whose last
     * {@link #TAG_LENGTH} bytes are the tag, into {@code output} at {@code outputOffset}.
     *
     * @return the plaintext length, {@code inputLength - TAG_LENGTH}
     * @throws AEADBadTagException if the tag does not verify, in which case {@code output}
     *     contains no plaintext
     * @throws IllegalArgumentException if {@code nonce} is not {@link #NONCE_LENGTH} bytes or
     *     {@code inputLength} is shorter than the tag
     * @throws IndexOutOfBoundsException if a range does not fit its array
     * @throws IllegalStateException if the engine is destroyed
     */
    int open(byte[] nonce, byte[] aad, byte[] input, int inputOffset, int inputLength,
            byte[] output, int outputOffset) throws AEADBadTagException;

    /** Wipes the key. Later calls to {@code seal} or {@code open} throw {@link IllegalStateException}. */
    @Override
    void destroy();

    /** Creates engines, one per SA key. */
    @FunctionalInterface
    interface Factory {

        /**
         * Creates an engine for a 16- or 32-byte AES key. The engine copies {@code key}, and the
         * caller wipes its array after this method returns.
         *
         * @throws InvalidKeyException if the key length is not one the engine supports
         */
        AeadEngine create(byte[] key) throws InvalidKeyException;
    }
}
