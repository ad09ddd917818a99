package org.pqipsec.esp;

import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import javax.crypto.AEADBadTagException;
import javax.security.auth.Destroyable;

/**
 * One AEAD key of an ESP transform: AES-GCM, AES-GMAC or ChaCha20-Poly1305 with a 12-byte nonce
 * and the transform's ICV length. The SA builds the nonce (RFC 4106 §4, RFC 7634 §2) and the
 * AAD (RFC 4106 §5, RFC 4543 §5, RFC 7634 §2.1), and the engine encrypts and authenticates.
 *
 * <p>For {@link EspTransform.Cipher#AES_GMAC} "seal" authenticates the data as further AAD and
 * leaves it in the clear, and "open" copies it out after the tag verifies (RFC 4543 §3).
 *
 * <p>Offsets are absolute indexes into the buffers; the engine leaves their position and limit
 * as it found them. Implementations must be thread-safe, must compare tags in constant time,
 * must release no plaintext before the tag verifies, and must reject use after
 * {@link #destroy()} with {@link IllegalStateException}.
 */
public interface AeadEngine extends Destroyable {

    /** Length of the nonce in bytes: 4-byte salt followed by the 8-byte IV (RFC 4106 §4). */
    int NONCE_LENGTH = 12;

    /** Returns the tag length in bytes, which is the ICV length of the transform. */
    int tagLength();

    /**
     * Encrypts {@code buffer[offset, offset + length)} in place, or only authenticates it for
     * GMAC, and writes the {@link #tagLength()}-byte tag right after it.
     *
     * <p>The caller must never pass the same nonce twice for one key.
     *
     * @param aad the AAD in {@code aad[0, aadLength)}
     * @throws IndexOutOfBoundsException if the range plus the tag does not fit in {@code buffer}
     * @throws IllegalStateException if the engine is destroyed
     */
    void seal(byte[] nonce, byte[] aad, int aadLength, ByteBuffer buffer, int offset, int length);

    /**
     * Verifies {@code input[offset, offset + length)}, whose last {@link #tagLength()} bytes are
     * the tag, and writes the plaintext to {@code output} at {@code outputOffset}.
     *
     * @return the plaintext length, {@code length - tagLength()}
     * @throws AEADBadTagException if the tag does not verify; {@code output} then contains no
     *     plaintext
     * @throws IndexOutOfBoundsException if a range does not fit its buffer
     * @throws IllegalStateException if the engine is destroyed
     */
    int open(byte[] nonce, byte[] aad, int aadLength, ByteBuffer input, int offset, int length,
            ByteBuffer output, int outputOffset) throws AEADBadTagException;

    /** Wipes the key. Later calls to {@code seal} or {@code open} throw {@link IllegalStateException}. */
    @Override
    void destroy();

    /** Creates engines, one per SA key. */
    @FunctionalInterface
    interface Factory {

        /**
         * Creates an engine for {@code transform} with the cipher key (KEYMAT without the salt).
         * The engine copies {@code key}, and the caller wipes its array afterwards.
         *
         * @throws InvalidKeyException if the key length does not fit the transform
         */
        AeadEngine create(EspTransform transform, byte[] key) throws InvalidKeyException;
    }
}
